import { appendFileSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { extname, join } from 'node:path';

export interface RotatingFileOptions {
  folder: string;
  /** The current file; older ones are `main.1.log` (newest) to `main.<maxFiles>.log`. */
  fileName?: string;
  /** Bytes a file may reach before a new one is started. */
  maxSize?: number;
  /** How many old files are kept besides the current one. */
  maxFiles?: number;
}

/**
 * An append-only text file that moves itself aside when it would grow past maxSize,
 * keeping at most maxFiles older ones. Writes are synchronous, so the lines before a
 * crash are on disk; logs are small and rare enough for that.
 */
export class RotatingFile {
  readonly folder: string;
  readonly path: string;
  private readonly fileName: string;
  private readonly maxSize: number;
  private readonly maxFiles: number;
  private size: number | undefined;

  constructor(options: RotatingFileOptions) {
    this.folder = options.folder;
    this.fileName = options.fileName ?? 'main.log';
    this.path = join(this.folder, this.fileName);
    this.maxSize = options.maxSize ?? 1024 * 1024;
    this.maxFiles = Math.max(0, options.maxFiles ?? 5);
  }

  /** Throws when the file cannot be written. */
  append(text: string): void {
    const bytes = Buffer.byteLength(text);
    const size = this.currentSize();
    if (size > 0 && size + bytes > this.maxSize) this.rotate();
    try {
      appendFileSync(this.path, text);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // The folder is gone (first run, or the user deleted it): make it and retry once.
      mkdirSync(this.folder, { recursive: true });
      this.size = 0;
      appendFileSync(this.path, text);
    }
    this.size = (this.size ?? 0) + bytes;
  }

  /** The path of the n-th older file (1 is the newest). */
  olderFile(n: number): string {
    const extension = extname(this.fileName);
    return join(
      this.folder,
      `${this.fileName.slice(0, -extension.length || undefined)}.${n}${extension}`,
    );
  }

  private currentSize(): number {
    if (this.size === undefined) {
      try {
        this.size = statSync(this.path).size;
      } catch {
        this.size = 0;
      }
    }
    return this.size;
  }

  private rotate(): void {
    removeIfPresent(this.olderFile(this.maxFiles));
    for (let n = this.maxFiles - 1; n >= 1; n--)
      moveIfPresent(this.olderFile(n), this.olderFile(n + 1));
    if (this.maxFiles > 0) moveIfPresent(this.path, this.olderFile(1));
    else removeIfPresent(this.path);
    this.removeBeyondLimit();
    this.size = 0;
  }

  /** Older files past the limit, e.g. after maxFiles was lowered. */
  private removeBeyondLimit(): void {
    const extension = extname(this.fileName);
    const stem = this.fileName.slice(0, -extension.length || undefined);
    const older = new RegExp(`^${escapeRegExp(stem)}\\.(\\d+)${escapeRegExp(extension)}$`);
    let names: string[];
    try {
      names = readdirSync(this.folder);
    } catch {
      return;
    }
    for (const name of names) {
      const n = older.exec(name)?.[1];
      if (n !== undefined && Number(n) > this.maxFiles) removeIfPresent(join(this.folder, name));
    }
  }
}

function moveIfPresent(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function removeIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
