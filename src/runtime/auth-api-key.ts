// apiKey schemes: the token (or a supplier's) in a header, the query or a cookie, under the scheme's
// name. Passed to createApiClient by entries whose spec declares an apiKey scheme.
import type { SchemeKind } from "./auth.js";

export const apiKey: SchemeKind = {
  send(request, { in: where, name }, token) {
    const key = name!;
    const value = encodeURIComponent(token);
    if (where === "query") request.search += `${request.search ? "&" : "?"}${encodeURIComponent(key)}=${value}`;
    // after the cookie parameters, if any
    else if (where === "cookie") request.headers.cookie = `${request.headers.cookie ? `${request.headers.cookie}; ` : ""}${key}=${value}`;
    else request.headers[key.toLowerCase()] = token;
  },
};
