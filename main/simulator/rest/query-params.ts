import { isDay } from '../../../common/rest/numbers';
import { HttpProblem, type ValidationIssue } from './http-problem';

/**
 * Reads query (and path) parameters the way the real API's framework does: every
 * problem is collected, and all of them are answered at once as a 422 list.
 */
export class ParamReader {
  private readonly issues: ValidationIssue[] = [];

  constructor(private readonly url: URL) {}

  text(name: string): string | undefined {
    const value = this.url.searchParams.get(name);
    return value === null || value === '' ? undefined : value;
  }

  /** Comma-separated values, lower-cased for comparing. */
  list(name: string): string[] | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    return value
      .split(',')
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean);
  }

  int(
    name: string,
    options: {
      min?: number;
      max?: number;
      fallback?: number;
      from?: 'query' | 'path';
      value?: string;
    } = {},
  ): number | undefined {
    const from = options.from ?? 'query';
    const raw = options.value ?? this.text(name);
    if (raw === undefined) return options.fallback;
    if (!/^-?\d+$/.test(raw.trim())) {
      this.issues.push({
        type: 'int_parsing',
        loc: [from, name],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: raw,
      });
      return options.fallback;
    }
    const value = Number(raw);
    if (options.min !== undefined && value < options.min) {
      this.issues.push({
        type: 'greater_than_equal',
        loc: [from, name],
        msg: `Input should be greater than or equal to ${options.min}`,
        input: raw,
      });
    } else if (options.max !== undefined && value > options.max) {
      this.issues.push({
        type: 'less_than_equal',
        loc: [from, name],
        msg: `Input should be less than or equal to ${options.max}`,
        input: raw,
      });
    }
    return value;
  }

  day(name: string): string | undefined {
    const raw = this.text(name);
    if (raw === undefined) return undefined;
    if (!isDay(raw)) {
      this.issues.push({
        type: 'date_from_datetime_parsing',
        loc: ['query', name],
        msg: 'Input should be a valid date in the format YYYY-MM-DD',
        input: raw,
      });
      return undefined;
    }
    return raw;
  }

  /** Throws the 422 if anything was wrong. */
  done(): void {
    if (this.issues.length > 0) throw new HttpProblem(422, this.issues);
  }
}

export interface PageParams {
  page: number;
  pageSize: number;
}

export const MAX_PAGE_SIZE = 2000;
export const DEFAULT_PAGE_SIZE = 50;

export function readPage(params: ParamReader): PageParams {
  return {
    page: params.int('page', { min: 1, fallback: 1 }) ?? 1,
    pageSize:
      params.int('pageSize', { min: 1, max: MAX_PAGE_SIZE, fallback: DEFAULT_PAGE_SIZE }) ??
      DEFAULT_PAGE_SIZE,
  };
}

export interface Paged<T> {
  data: T[];
  total: number;
  page: number;
  pageSize: number;
  totalPages: number;
}

export function paginate<T>(items: T[], { page, pageSize }: PageParams): Paged<T> {
  const start = (page - 1) * pageSize;
  return {
    data: items.slice(start, start + pageSize),
    total: items.length,
    page,
    pageSize,
    totalPages: Math.ceil(items.length / pageSize),
  };
}

export interface DayRange {
  fromDate?: string;
  toDate?: string;
}

export function readDayRange(params: ParamReader): DayRange {
  const fromDate = params.day('fromDate');
  const toDate = params.day('toDate');
  return {
    ...(fromDate !== undefined ? { fromDate } : {}),
    ...(toDate !== undefined ? { toDate } : {}),
  };
}

/** Whether an ISO timestamp falls on a day within the range (UTC days, inclusive). */
export function inDayRange(timestamp: string, { fromDate, toDate }: DayRange): boolean {
  const day = timestamp.slice(0, 10);
  return (fromDate === undefined || day >= fromDate) && (toDate === undefined || day <= toDate);
}
