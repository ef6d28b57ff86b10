// What only a process that owns its state (the main thread) may change:
// here the POSIX credentials (setuid() and friends).
'use strict';

function setupCredentials(process, pm, define) {
  const { codes } = require('internal/errors');

  // A user/group is a uint32 id or a name.
  function validateId(id, name) {
    if (typeof id === 'number') {
      require('internal/validators').validateUint32(id, name);
    } else if (typeof id !== 'string') {
      throw new codes.ERR_INVALID_ARG_TYPE(name, ['number', 'string'], id);
    }
  }

  // As the error Node's C++ raises for a failed credential call:
  // "EPERM, Operation not permitted" with errno/code/syscall.
  function credentialError(status, syscall) {
    const errno = -status;
    const { getSystemErrorName } = require('util');
    const code = getSystemErrorName(status);
    const err = new Error(`${code}, ${pm.strerror(errno)}`);
    err.errno = errno;
    err.code = code;
    err.syscall = syscall;
    return err;
  }

  for (const [name, kind] of [['setuid', 'User'], ['seteuid', 'User'],
    ['setgid', 'Group'], ['setegid', 'Group']]) {
    define(name, {
      [name](id) {
        validateId(id, 'id');
        const status = pm.setCredential(name, id);
        if (status === 1) throw new codes.ERR_UNKNOWN_CREDENTIAL(kind, id);
        if (status < 0) throw credentialError(status, name);
      },
    }[name]);
  }

  define('setgroups', function setgroups(groups) {
    require('internal/validators').validateArray(groups, 'groups');
    for (let i = 0; i < groups.length; i++) validateId(groups[i], `groups[${i}]`);
    const status = pm.setgroups(groups);
    if (status > 0) throw new codes.ERR_UNKNOWN_CREDENTIAL('Group', groups[status - 1]);
    if (status < 0) throw credentialError(status, 'setgroups');
  });

  define('initgroups', function initgroups(user, extraGroup) {
    validateId(user, 'user');
    validateId(extraGroup, 'extraGroup');
    const status = pm.initgroups(user, extraGroup);
    if (status === 1) throw new codes.ERR_UNKNOWN_CREDENTIAL('User', user);
    if (status === 2) throw new codes.ERR_UNKNOWN_CREDENTIAL('Group', extraGroup);
    if (status < 0) throw credentialError(status, 'initgroups');
  });
}

module.exports = { setupCredentials };
