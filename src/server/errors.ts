/** API errors: every failure answers `{error, message}` (plus `details` when there are several). */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
  }

  toJSON(): { error: string; message: string; details?: string[] } {
    return this.details && this.details.length > 0
      ? { error: this.code, message: this.message, details: this.details }
      : { error: this.code, message: this.message };
  }
}

export const badRequest = (code: string, message: string, details?: string[]) =>
  new ApiError(400, code, message, details);
export const unprocessable = (code: string, message: string, details?: string[]) =>
  new ApiError(422, code, message, details);
export const notFound = (code: string, message: string) => new ApiError(404, code, message);
