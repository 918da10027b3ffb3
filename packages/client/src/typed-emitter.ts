/** A minimal typed event emitter (no Node `events`): `on` returns the function that unsubscribes. */
export class TypedEmitter<TEvents extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof TEvents, Set<(payload: never) => void>>();

  on<TName extends keyof TEvents>(
    name: TName,
    listener: (payload: TEvents[TName]) => void,
  ): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener as (payload: never) => void);
    return () => {
      set.delete(listener as (payload: never) => void);
    };
  }

  protected emit<TName extends keyof TEvents>(name: TName, payload: TEvents[TName]): void {
    const set = this.listeners.get(name);
    if (!set) return;
    for (const listener of set) (listener as (payload: TEvents[TName]) => void)(payload);
  }
}
