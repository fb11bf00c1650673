import { earnsPeerBonus, MAX_RATE_BPS, type PlanDocument } from './plan.js';

/**
 * The worst case of a plan on one order line: the largest share of the line's base that any chain of
 * levels can earn together, in basis points (exact, before rounding). Plan validation refuses a plan
 * whose worst case passes 100%.
 *
 * It walks the chain L0 … L`depthCap` over every level (plus "a level the plan does not list", which
 * earns nothing) keeping, for each state the differential walk can be in, the largest sum reached:
 * the state is who holds the highest team rate (their level), what they earned as a rate, and how
 * many peer generations of theirs were paid. Sums are kept in bps × 10,000 so a peer bonus (a rate of
 * a rate) stays an integer. Fixed per-unit amounts have no rate and are not counted: the engine caps
 * every line at its base instead.
 */

/** One rule's part of the worst case, with the plan field that sets it. */
export interface WorstCasePart {
  field: string;
  label: 'direct' | 'differential' | 'peer' | 'generation' | 'recruit_rate';
  /** Chain position the part is earned at. */
  position: number;
  /** The part in bps × 10,000 (1% of the base = 1,000,000). */
  units: number;
}

export interface WorstCase {
  /** The worst case in basis points of the base, rounded up (so 10,000.5 shows as 10,001). */
  bps: number;
  /** Exact, in bps × 10,000. */
  units: number;
  /** The levels of the chain that reaches it, from L0 up (null: a level the plan does not list). */
  levelIds: (string | null)[];
  parts: WorstCasePart[];
}

const SCALE = 10_000;

interface LevelFacts {
  levelId: string | null;
  index: number;
  directBps: number;
  directField: string;
  teamBps: number;
  /** Whether the level earns peer bonus above a same-level holder (`earnsPeerBonus`). */
  peer: boolean;
}

interface State {
  holder: LevelFacts;
  /** What the holder earned, in bps of the base. */
  earnedBps: number;
  gens: number;
  sum: number;
  /** The chain so far, as a list from the last position back (shared between states, never copied). */
  trail: Trail | null;
}

interface Trail {
  levelId: string | null;
  part: WorstCasePart | null;
  prev: Trail | null;
}

function levelFacts(plan: PlanDocument): LevelFacts[] {
  const facts = plan.levels.map((row, index): LevelFacts => {
    let directBps = row.directRateBps;
    let directField = `body.levels[${index}].directRateBps`;
    for (const [j, c] of row.categoryRates.entries()) {
      if (c.rateBps > directBps) {
        directBps = c.rateBps;
        directField = `body.levels[${index}].categoryRates[${j}].rateBps`;
      }
    }
    for (const [j, s] of row.skuRates.entries()) {
      if (s.rateBps > directBps) {
        directBps = s.rateBps;
        directField = `body.levels[${index}].skuRates[${j}].rateBps`;
      }
    }
    return {
      levelId: row.levelId,
      index,
      directBps,
      directField,
      teamBps: row.teamRateBps,
      peer: earnsPeerBonus(row),
    };
  });
  facts.push({ levelId: null, index: -1, directBps: 0, directField: 'body.levels', teamBps: 0, peer: false });
  return facts;
}

/**
 * Drops every state another state of the same holder and peer count beats on both what the holder
 * earned and the sum so far: from there on it can never do better. This keeps the walk small for a
 * ladder of 30 levels and 5 uplines.
 */
function prune(states: State[]): State[] {
  const groups = new Map<string, State[]>();
  for (const st of states) {
    const key = `${st.holder.index}|${st.gens}`;
    const list = groups.get(key) ?? [];
    list.push(st);
    groups.set(key, list);
  }
  const kept: State[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => b.earnedBps - a.earnedBps || b.sum - a.sum);
    let bestSum = -1;
    for (const st of list) {
      if (st.sum > bestSum) {
        kept.push(st);
        bestSum = st.sum;
      }
    }
  }
  return kept;
}

function unwind(trail: Trail | null): { levelIds: (string | null)[]; parts: WorstCasePart[] } {
  const levelIds: (string | null)[] = [];
  const parts: WorstCasePart[] = [];
  for (let t = trail; t; t = t.prev) {
    levelIds.push(t.levelId);
    if (t.part) parts.push(t.part);
  }
  return { levelIds: levelIds.reverse(), parts: parts.reverse() };
}

export function worstCaseOf(plan: PlanDocument): WorstCase {
  const levels = levelFacts(plan);
  const depth = Math.max(0, Math.min(plan.depthCap, 10));
  const recruitBps = plan.recruit && plan.recruit.rateDays > 0 ? plan.recruit.rateBps : 0;
  const team = plan.team;

  // L0's direct commission: the same for every mode.
  let states: State[] = levels.map((l) => ({
    holder: l,
    earnedBps: l.directBps,
    gens: 0,
    sum: l.directBps * SCALE,
    trail: {
      levelId: l.levelId,
      part:
        l.directBps > 0
          ? { field: l.directField, label: 'direct', position: 0, units: l.directBps * SCALE }
          : null,
      prev: null,
    },
  }));

  if (team.mode === 'differential') {
    states = prune(states);
    for (let position = 1; position <= depth; position++) {
      const next: State[] = [];
      for (const st of states) {
        let idle: (string | null) | undefined;
        for (const l of levels) {
          const highest = st.holder.teamBps;
          if (l.teamBps > highest) {
            const diff = l.teamBps - highest;
            const part: WorstCasePart = {
              field: `body.levels[${l.index}].teamRateBps`,
              label: 'differential',
              position,
              units: diff * SCALE,
            };
            next.push({
              holder: l,
              earnedBps: diff,
              gens: 0,
              sum: st.sum + part.units,
              trail: { levelId: l.levelId, part, prev: st.trail },
            });
          } else if (
            l.teamBps === highest &&
            l.peer &&
            l.levelId !== null &&
            l.levelId === st.holder.levelId &&
            st.gens < team.peerGenerations &&
            team.peerRateBps > 0
          ) {
            const part: WorstCasePart = {
              field: 'body.team.peerRateBps',
              label: 'peer',
              position,
              units: team.peerRateBps * st.earnedBps,
            };
            next.push({
              ...st,
              gens: st.gens + 1,
              sum: st.sum + part.units,
              trail: { levelId: l.levelId, part, prev: st.trail },
            });
          } else if (idle === undefined) {
            // Every level that earns nothing here leaves the state as it was: one of them is enough.
            idle = l.levelId;
          }
        }
        if (idle !== undefined) next.push({ ...st, trail: { levelId: idle, part: null, prev: st.trail } });
      }
      states = prune(next);
    }
  } else if (team.mode === 'generations') {
    states = states.map((st) => {
      let { sum, trail } = st;
      for (let g = 1; g <= depth; g++) {
        const rate = team.generationRatesBps[g - 1] ?? 0;
        const part: WorstCasePart | null =
          rate > 0
            ? {
                field: `body.team.generationRatesBps[${g - 1}]`,
                label: 'generation',
                position: g,
                units: rate * SCALE,
              }
            : null;
        sum += part?.units ?? 0;
        trail = { levelId: null, part, prev: trail };
      }
      return { ...st, sum, trail };
    });
  }
  let best: State | undefined;
  for (const st of states) if (!best || st.sum > best.sum) best = st;
  if (!best) throw new Error('a plan always has at least the unlisted level');
  const { levelIds, parts } = unwind(best.trail);
  if (recruitBps > 0)
    parts.push({
      field: 'body.recruit.rateBps',
      label: 'recruit_rate',
      position: 1,
      units: recruitBps * SCALE,
    });
  const units = best.sum + recruitBps * SCALE;
  return { units, bps: Math.ceil(units / SCALE), levelIds, parts };
}

/** Whether the worst case stays within 100% of the base. */
export function worstCaseFits(worst: WorstCase): boolean {
  return worst.units <= MAX_RATE_BPS * SCALE;
}
