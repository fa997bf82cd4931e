import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import * as schema from '../schema';
import { isBusyError } from './busy';
import { answerBatch, rejectBatch, type Outcome, type PendingWrite } from './group-commit';
import type { ClientDb as Db } from './types';

export interface ClientOptions {
  url: string;
  authToken?: string;
  /** busy_timeout in ms, on every pooled connection. */
  busyTimeoutMs: number;
}

/**
 * The libSQL client and drizzle over it: every read, and for a libSQL server (`libsql://`) every
 * write, in the client's transactions with the same group commit as the embedded writer.
 */
export class ClientConnection {
  #options: ClientOptions;
  #client: Client;
  #db: Db;
  /** Batches committed so far. */
  commits = 0;

  constructor(options: ClientOptions) {
    this.#options = options;
    this.#client = ClientConnection.#connect(options);
    this.#db = drizzle({ client: this.#client, schema });
  }

  static #connect(options: ClientOptions): Client {
    return createClient({
      url: options.url,
      authToken: options.authToken,
      timeout: options.busyTimeoutMs,
    });
  }

  get client(): Client {
    return this.#client;
  }

  get db(): Db {
    return this.#db;
  }

  /** After SQLITE_BUSY: a fresh client, so that no stale snapshot survives; the old one closed. */
  #replace(): void {
    const old = this.#client;
    this.#client = ClientConnection.#connect(this.#options);
    this.#db = drizzle({ client: this.#client, schema });
    old.close();
  }

  /**
   * One batch in one transaction of the client, each write in a nested transaction (a savepoint),
   * answered once the outer transaction has committed. After SQLITE_BUSY the batch is tried once
   * more on a fresh client.
   */
  async runBatch(batch: PendingWrite[]): Promise<void> {
    const outcomes: Outcome[] = [];
    const attempt = async () => {
      outcomes.length = 0;
      await this.#db.transaction(async (tx) => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: await tx.transaction((inner) => item.work(inner)) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    };
    try {
      try {
        await attempt();
      } catch (error) {
        if (!isBusyError(error)) throw error;
        this.#replace();
        await attempt();
      }
      this.commits += 1;
    } catch (error) {
      rejectBatch(batch, error);
      return;
    }
    answerBatch(batch, outcomes);
  }

  close(): void {
    this.#client.close();
  }
}
