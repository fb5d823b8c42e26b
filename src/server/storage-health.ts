/**
 * Storage failures (disk full, read-only or failing disk, database unreachable) are not the
 * client's fault and not a bug: they answer 503 with words, and /api/health reports them until a
 * write succeeds again, so a load balancer or a school's monitoring sees the server is degraded.
 */

// SQLite result codes (better-sqlite3 puts them in `code`) and system errors.
const SQLITE_STORAGE =
  /^SQLITE_(FULL|IOERR.*|READONLY.*|CANTOPEN.*|CORRUPT.*|NOTADB|NOLFS|PROTOCOL)$/;
const SYSTEM_STORAGE = /^(ENOSPC|EIO|EROFS|EDQUOT|ECONNREFUSED)$/;
// PostgreSQL SQLSTATE classes: 53 insufficient resources (53100 disk full), 57P admin shutdown,
// 58 system error (58030 I/O), 08 connection exception.
const PG_STORAGE = /^(53...|57P0[1-4]|58...|08...)$/;

export function isStorageFailure(err: unknown): boolean {
  if (err === null || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  // SQLite rolls a transaction back by itself on a full disk or an I/O error; Kysely's own
  // rollback then fails with this, and the first error is lost.
  if (code === 'SQLITE_ERROR' && /no transaction is active/.test(String((err as Error).message)))
    return true;
  return SQLITE_STORAGE.test(code) || SYSTEM_STORAGE.test(code) || PG_STORAGE.test(code);
}

export class StorageHealth {
  private problem: { message: string; since: number } | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  failed(err: unknown): void {
    const code = (err as { code?: unknown }).code;
    const message = `${String(code)}: ${err instanceof Error ? err.message : String(err)}`.slice(
      0,
      300,
    );
    this.problem = { message, since: this.problem?.since ?? this.now() };
  }

  /** A write went through: storage works again. */
  recovered(): void {
    this.problem = null;
  }

  status(): { ok: true } | { ok: false; problem: string; since: string } {
    return this.problem
      ? {
          ok: false,
          problem: this.problem.message,
          since: new Date(this.problem.since).toISOString(),
        }
      : { ok: true };
  }
}
