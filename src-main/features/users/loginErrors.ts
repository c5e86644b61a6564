import { AppError } from '../../ipc/errors';
import { MAX_FAILURES, triesLeft } from '../../domain/loginThrottle';

/** The same words for a wrong password and an unknown name (they must not be told apart). */
export const failedError = (failures: number) =>
  new AppError('LOGIN_FAILED', `用户名或密码错误（还可尝试 ${triesLeft(failures)} 次）`);

export function lockedError(until: string, minutes?: number) {
  const local = new Date(until);
  const hhmm = `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
  return new AppError('ACCOUNT_LOCKED', `密码连续错误 ${MAX_FAILURES} 次，账号已锁定${minutes ? ` ${minutes} 分钟` : ''}（至 ${hhmm}），请稍后再试或请管理员重置密码`);
}
