import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../domain/errors';

export function notFound(req: Request, _res: Response, next: NextFunction) {
  next(new AppError('not_found', `No route for ${req.method} ${req.path}.`));
}

/** Every error leaves as JSON with a stable code; unexpected ones are logged and never show their stack. */
export function errorHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const error =
      err instanceof AppError
        ? err
        : (err as { type?: string }).type === 'entity.parse.failed'
          ? new AppError('invalid_json', 'The request body is not valid JSON.')
          : null;
    if (!error) {
      log.error({ err, method: req.method, path: req.path }, 'unhandled error');
      res.status(500).json(new AppError('internal_error', 'Something went wrong in the bridge. It has been logged.').toBody());
      return;
    }
    if (error.status >= 500) log.warn({ code: error.code, path: req.path }, error.message);
    res.status(error.status).json(error.toBody());
  };
}
