// node:worker_threads.
'use strict';

const {
  MessagePort, MessageChannel, BroadcastChannel, receiveMessageOnPort,
  markAsUntransferable, isMarkedAsUntransferable,
} = require('internal/worker/io');
const worker = require('internal/worker');
const binding = internalBinding('worker');

module.exports = {
  isMainThread: binding.isMainThread,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  isMarkedAsUntransferable,
  moveMessagePortToContext: require('internal/worker/io').moveMessagePortToContext,
  receiveMessageOnPort,
  resourceLimits: worker.resourceLimits,
  threadId: binding.threadId,
  SHARE_ENV: worker.SHARE_ENV,
  Worker: worker.Worker,
  parentPort: worker.getParentPort(),
  workerData: worker.getWorkerData(),
  BroadcastChannel,
  getEnvironmentData: worker.getEnvironmentData,
  postMessageToThread(threadId, value, transferList, timeout) {
    return require('internal/worker/messaging').postMessageToThread(threadId, value, transferList, timeout);
  },
  setEnvironmentData: worker.setEnvironmentData,
};
