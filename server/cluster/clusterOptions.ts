import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";

/** How this process joins the others (see docs/DEPLOY.md). */
export interface ClusterConfig {
  /** REDIS_URL: rooms, seats and room calls shared through this Redis */
  redisUrl?: string;
  /** PUBLIC_ADDRESS: host[:port][/path] at which clients reach this very process */
  publicAddress?: string;
}

/**
 * Colyseus' own scale-out: presence (pub/sub, seat reservations, remote room calls) and the room
 * listings in Redis, so a join through any process finds a circle wherever it lives. Without a
 * Redis URL, nothing: one process, in memory.
 */
export function clusterOptions(config: ClusterConfig) {
  if (!config.redisUrl) return {};
  if (!config.publicAddress) {
    // Without it a seat reserved on another process sends the client to whichever process answered.
    throw new Error("PUBLIC_ADDRESS is required with REDIS_URL: the host[:port][/path] at which clients reach this process");
  }
  return {
    presence: new RedisPresence(config.redisUrl),
    driver: new RedisDriver(config.redisUrl),
    publicAddress: config.publicAddress,
  };
}
