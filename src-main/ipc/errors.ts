/** An error with a machine code and a Chinese message, returned to the renderer as-is. */
export class AppError extends Error {
  constructor(public code: string, message: string, public details?: unknown) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, id?: unknown) =>
  new AppError('NOT_FOUND', `未找到${what}${id !== undefined ? `（${String(id)}）` : ''}`);
export const conflict = (message: string, details?: unknown) => new AppError('CONFLICT', message, details);
export const invalid = (message: string, details?: unknown) => new AppError('VALIDATION', message, details);
export const forbidden = (message = '当前账号没有此操作的权限') => new AppError('FORBIDDEN', message);

/**
 * A refusal about one input field: details carry its path (as the router's VALIDATION details do), so the form shows
 * the message under that field, e.g. refuseAt('VALIDATION', 'date', '日期不能早于上一步…'). Paths are the channel
 * input's own (dotted for nested: 'review.date', 'phases.1.endDate').
 */
export const refuseAt = (code: 'VALIDATION' | 'CONFLICT', path: string, message: string) =>
  new AppError(code, message, [{ path, message }]);
