// Some of Decap's dependencies still expect Node's `global`; set before they load.
const scope = globalThis as typeof globalThis & { global?: typeof globalThis };
scope.global ??= globalThis;
