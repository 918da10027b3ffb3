import { StoreError } from './store-error.ts';

/** A chat, profile, pull or bench run named by id does not exist. */
export class NotFoundError extends StoreError {
  override name = 'NotFoundError';
  readonly kind: string;
  readonly id: string;

  constructor(options: { kind: string; id: string }) {
    super(`No ${options.kind} "${options.id}" in the store.`);
    this.kind = options.kind;
    this.id = options.id;
  }
}
