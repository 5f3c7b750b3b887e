/** Discord epoch (2015-01-01) in milliseconds; snowflakes count from it. */
const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Issues real-looking snowflakes (17-19 digits): @discordjs/rest only recognises a route's major parameter,
 * and so its rate-limit bucket, when ids have that shape.
 */
export class SnowflakeSource {
  private increment = 0n;
  constructor(private readonly now: () => Date) {}

  next(): string {
    const ms = BigInt(this.now().getTime()) - DISCORD_EPOCH;
    this.increment = (this.increment + 1n) & 0xfffn;
    return ((ms << 22n) | (1n << 17n) | this.increment).toString();
  }
}
