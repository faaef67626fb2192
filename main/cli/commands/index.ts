export {
  COMMANDS,
  type CommandName,
  type CommandOptions,
  isCommand,
  parseCommandArgs,
  splitCommand,
} from './command-args';
export { COMMAND_EXIT, type CommandDeps, type CommandIo, runCommand } from './run-command';
export { askOnTerminal } from './terminal';
