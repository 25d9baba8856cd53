/** A state machine as data: for each state, the states it may move to. */
export type Transitions<S extends string> = Readonly<Record<S, readonly S[]>>;

/** Whether `from` may move to `to`; staying where it is is always allowed (a no-op). */
export function canMove<S extends string>(table: Transitions<S>, from: S, to: S): boolean {
  return from === to || table[from].includes(to);
}

/**
 * The states a move to `to` may start from, `to` itself excluded: an UPDATE guarded by them changes
 * nothing when the row is already there, so a repeated move is a no-op that reports no change.
 */
export function sourcesOf<S extends string>(table: Transitions<S>, to: S): S[] {
  return (Object.keys(table) as S[]).filter((from) => from !== to && table[from].includes(to));
}

/** Every pair of states the table does not allow, for table-driven tests of refused moves. */
export function refusedMoves<S extends string>(table: Transitions<S>): [S, S][] {
  const states = Object.keys(table) as S[];
  return states.flatMap((from) =>
    states.filter((to) => !canMove(table, from, to)).map((to): [S, S] => [from, to]),
  );
}

/** Every allowed move of the table (self-moves left out), for table-driven tests. */
export function allowedMoves<S extends string>(table: Transitions<S>): [S, S][] {
  return (Object.keys(table) as S[]).flatMap((from) => table[from].map((to): [S, S] => [from, to]));
}
