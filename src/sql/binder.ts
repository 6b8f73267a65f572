import type { Dialect, SqlType } from './dialect.js';
import type { SqlUnsupported } from './types.js';

/** A construct with no SQL form: its policy is reported and left out. */
export class Unsupported extends Error {
  constructor(readonly code: SqlUnsupported['code'], readonly path: string, message: string) {
    super(message);
  }
}

const MARK = /\u0001(\d+)\u0002/g;

/** Bound values; the text carries markers until `finish` numbers them in order of appearance. */
export class Binder {
  readonly values: unknown[] = [];
  constructor(private readonly d: Dialect) {}
  bind(v: unknown, type: SqlType): string {
    this.values.push(this.d.value(v));
    return `CAST(\u0001${this.values.length - 1}\u0002 AS ${this.d.type(type)})`;
  }
  finish(text: string): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    if (this.d.name === 'postgres') {
      const seen = new Map<number, number>();
      const sql = text.replace(MARK, (_m, i: string) => {
        let n = seen.get(Number(i));
        if (n === undefined) {
          params.push(this.values[Number(i)]);
          n = params.length;
          seen.set(Number(i), n);
        }
        return `$${n}`;
      });
      return { sql, params };
    }
    const sql = text.replace(MARK, (_m, i: string) => {
      params.push(this.values[Number(i)]);
      return '?';
    });
    return { sql, params };
  }
}
