// ES-module face of ./index.js for .mjs tests.
import { createRequire } from 'module';

const common = createRequire(import.meta.url)('./index.js');

const {
  allowGlobals, buildType, canCreateSymLink, childShouldThrowAndAbort, createZeroFilledFile,
  expectsError, expectWarning, getArrayBufferViews, getBufferSources, getCallSite, getTTYfd,
  hasCrypto, hasIntl, hasIPv6, hasMultiLocalhost, hasOpenSSL, hasQuic, invalidArgTypeHelper,
  isAlive, isDumbTerminal, isFreeBSD, isLinux, isMacOS, isMainThread, isOpenBSD, isSunOS,
  isWindows, localhostIPv4, mustCall, mustCallAtLeast, mustNotCall, mustNotMutateObjectDeep,
  mustSucceed, nodeProcessAborted, parseTestFlags, PIPE, platformTimeout, printSkipMessage,
  requireNoPackageJSONAbove, runWithInvalidFD, skip, skipIf32Bits, skipIfDumbTerminal,
  skipIfEslintMissing, skipIfInspectorDisabled, skipIfWorker, spawnPromisified,
  getPrintedStackTrace, expectRequiredModule,
} = common;

export {
  allowGlobals, buildType, canCreateSymLink, childShouldThrowAndAbort, createZeroFilledFile,
  expectsError, expectWarning, getArrayBufferViews, getBufferSources, getCallSite, getTTYfd,
  hasCrypto, hasIntl, hasIPv6, hasMultiLocalhost, hasOpenSSL, hasQuic, invalidArgTypeHelper,
  isAlive, isDumbTerminal, isFreeBSD, isLinux, isMacOS, isMainThread, isOpenBSD, isSunOS,
  isWindows, localhostIPv4, mustCall, mustCallAtLeast, mustNotCall, mustNotMutateObjectDeep,
  mustSucceed, nodeProcessAborted, parseTestFlags, PIPE, platformTimeout, printSkipMessage,
  requireNoPackageJSONAbove, runWithInvalidFD, skip, skipIf32Bits, skipIfDumbTerminal,
  skipIfEslintMissing, skipIfInspectorDisabled, skipIfWorker, spawnPromisified,
  getPrintedStackTrace, expectRequiredModule,
};
export default common;
