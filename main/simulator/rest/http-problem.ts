/** One entry of a 422 answer, as FastAPI writes it. */
export interface ValidationIssue {
  type: string;
  loc: (string | number)[];
  msg: string;
  input?: unknown;
}

/** An error answer: thrown by a handler, sent as {"detail": ...}. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string | ValidationIssue[],
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof detail === 'string' ? detail : `${status} validation error`);
  }
}

export const notFound = (detail: string) => new HttpProblem(404, detail);
export const conflict = (detail: string) => new HttpProblem(409, detail);
export const badGateway = (detail: string) => new HttpProblem(502, detail);
