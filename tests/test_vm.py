"""node:vm pieces whose behaviour real node does not pin down in-process
(V8 reuses its own compilation cache before reading cachedData)."""

from __future__ import annotations

import nodeshim


async def test_cached_data_is_checked_before_the_engine_reads_it():
    async with nodeshim.Runtime() as rt:
        mod = await rt.run_source(
            "const vm = require('vm');\n"
            "const source = '[1, 2].map((x) => x * 3).join()';\n"
            "const data = new vm.Script(source).createCachedData();\n"
            "const flip = Buffer.from(data); flip[flip.length - 1] ^= 1;\n"
            "exports.results = [data.subarray(4), flip, data.subarray(0, 36), Buffer.alloc(0), data].map((d) => {\n"
            "  const script = new vm.Script(source, { cachedData: d });\n"
            "  return [script.cachedDataRejected, script.runInThisContext()];\n"
            "});\n"
            "exports.otherName = new vm.Script(source, { cachedData: data, filename: 'x.js' }).cachedDataRejected;\n")
        assert mod.results == [[True, "3,6"], [True, "3,6"], [True, "3,6"], [True, "3,6"], [False, "3,6"]]
        assert mod.otherName is True
