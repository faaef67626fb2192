import { join } from 'node:path';

// The stand-in message box and the test process share these files in the app's userData
// folder: the test chooses the next answer, and reads back every question asked.

/** `{"response": n}`: the button index the next message box answers with, once. */
export const dialogAnswerFile = (userData: string) => join(userData, 'dialog-answer.json');

/** One JSON line per message box shown: its question and the response given. */
export const dialogLogFile = (userData: string) => join(userData, 'dialogs.jsonl');

/** A message box as recorded in the log. */
export interface AskedDialog {
  type?: string;
  title?: string;
  message?: string;
  detail?: string;
  buttons?: string[];
  response: number;
}
