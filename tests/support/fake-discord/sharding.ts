/** The shard Discord sends a guild's events to: bits 22 and up of its id (the timestamp), modulo the count. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** A shard as IDENTIFY names it: [id, count]. */
export type ShardPair = readonly [id: number, count: number];

export function covers(shard: ShardPair, guildId: string): boolean {
  return shardOf(guildId, shard[1]) === shard[0];
}

export function validShard([id, count]: ShardPair): boolean {
  return Number.isInteger(id) && Number.isInteger(count) && count >= 1 && id >= 0 && id < count;
}
