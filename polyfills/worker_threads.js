// node:worker_threads.
'use strict';

const {
  MessagePort, MessageChannel, BroadcastChannel, receiveMessageOnPort,
  markAsUntransferable, isMarkedAsUntransferable,
} = require('internal/worker/io');

module.exports = {
  isMainThread: true,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  isMarkedAsUntransferable,
  moveMessagePortToContext: undefined,
  receiveMessageOnPort,
  resourceLimits: {},
  threadId: 0,
  SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
  Worker: undefined,
  parentPort: null,
  workerData: null,
  BroadcastChannel,
  getEnvironmentData: undefined,
  setEnvironmentData: undefined,
};
