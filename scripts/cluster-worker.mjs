// Loaded (--import) into each server process that scripts/cluster.mjs forks, before `next start`
// runs: every response says which process answered, in x-doable-worker (the cluster's worker
// number, 1, 2, …; a replaced worker gets the next number). Only clustered servers send it;
// it helps tell the processes apart in logs, a load balancer's checks and the tests.
import cluster from "node:cluster";
import http from "node:http";

if (cluster.isWorker) {
  const id = String(cluster.worker.id);
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, ...args) {
    if (event === "request") args[1].setHeader("x-doable-worker", id);
    return emit.call(this, event, ...args);
  };
}
