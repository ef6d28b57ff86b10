'use strict';
// Script#sourceMapURL: the last magic line comment, outside strings and block comments.
const vm = require('vm');
for (const s of ['//# sourceMappingURL=a.json\n//# sourceMappingURL=b.json', 'x//# sourceMappingURL=a.json', '/*# sourceMappingURL=c.json */', '//@ sourceMappingURL=d.json', '//# sourceMappingURL=  e.json  ', 'var s="//# sourceMappingURL=f.json"', '//# sourceMappingURL=g h', '\n// sourceMappingURL=x', '`a\n//# sourceMappingURL=t`', '//#  sourceMappingURL=sp'])
 console.log(JSON.stringify(s), new vm.Script(s).sourceMapURL, Object.keys(new vm.Script(s)));
