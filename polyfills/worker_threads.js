// node:worker_threads.
'use strict';

const {
  MessagePort, MessageChannel, BroadcastChannel, receiveMessageOnPort,
  markAsUntransferable, isMarkedAsUntransferable,
} = require('internal/worker/io');
const worker = require('internal/worker');
const binding = internalBinding('worker');

let environmentData;
function getEnvironmentData(key) {
  return environmentData === undefined ? undefined : environmentData.get(key);
}
function setEnvironmentData(key, value) {
  if (environmentData === undefined) environmentData = new Map();
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}

module.exports = {
  isMainThread: binding.isMainThread,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  isMarkedAsUntransferable,
  moveMessagePortToContext() {
    const { codes } = require('internal/errors');
    throw new codes.ERR_METHOD_NOT_IMPLEMENTED('moveMessagePortToContext()');
  },
  receiveMessageOnPort,
  resourceLimits: worker.resourceLimits,
  threadId: binding.threadId,
  SHARE_ENV: worker.SHARE_ENV,
  Worker: worker.Worker,
  parentPort: worker.getParentPort(),
  workerData: worker.getWorkerData(),
  BroadcastChannel,
  getEnvironmentData,
  setEnvironmentData,
};
