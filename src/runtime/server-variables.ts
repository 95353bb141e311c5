// A spec's servers as named environments: the URL template of the chosen server with its variables
// filled in (OpenAPI 3.x, Server Variable Object: each has a default, and an enum limits it).
import { checkBaseUrl, pickServer } from "./environments.js";
import { invalid } from "./validate.js";

export interface ServerVariableSpec {
  readonly default: string;
  readonly enum?: readonly string[];
}

export interface ServerChoice {
  environment?: string | undefined;
  baseUrl?: string | undefined;
  serverVariables?: Record<string, string> | undefined;
  allowInsecureHttp?: boolean | undefined;
}

/** Fills the chosen server's template from `given` or the variables' defaults, checking each value. */
export type FillServerVariables = (template: string, declared: { readonly [name: string]: ServerVariableSpec }, given: Record<string, string>) => string;

/**
 * The base URL: `baseUrl` as given (checked), else the chosen server (default: the spec's first)
 * with its variables filled by `fill` (generated entries pass fillServerVariables only when their
 * spec's servers have variables, so other bundles leave it out). Throws ValidationError naming the option.
 */
export function serverUrl(
  servers: { readonly [name: string]: string },
  variables: { readonly [server: string]: { readonly [name: string]: ServerVariableSpec } } | undefined,
  { environment, baseUrl, serverVariables = {}, allowInsecureHttp }: ServerChoice,
  fill?: FillServerVariables,
): string {
  if (baseUrl !== undefined) return checkBaseUrl(baseUrl, "baseUrl", undefined, allowInsecureHttp);
  const names = Object.keys(servers);
  if (!names.length) invalid("the spec declares no servers: pass baseUrl", "baseUrl");
  const name = environment ?? names[0]!;
  const template = pickServer(servers as Record<string, string>, name, "environment");
  const declared = variables?.[name] ?? {};
  for (const key in serverVariables) {
    if (!Object.hasOwn(declared, key)) invalid(`serverVariables.${key.slice(0, 40)}: server "${name}" has ${Object.keys(declared).length ? `only ${Object.keys(declared).join(", ")}` : "no variables"}`, `serverVariables.${key}`);
  }
  const url = fill ? fill(template, declared, serverVariables) : template;
  if (!/^https?:\/\//i.test(url)) invalid(`server "${name}" is relative (${url.slice(0, 80)}): pass baseUrl`, "baseUrl");
  return url.replace(/\/+$/, "");
}

export const fillServerVariables: FillServerVariables = (template, declared, given) =>
  template.replace(/\{([^}]+)\}/g, (_, key: string) => {
    const spec = declared[key];
    const value = given[key] ?? spec?.default;
    if (typeof value !== "string" || (spec?.enum && !spec.enum.includes(value))) {
      invalid(`serverVariables.${key} must be ${spec?.enum ? `one of ${spec.enum.join(", ")}` : "a string"}`, `serverVariables.${key}`);
    }
    // a value must stay inside its part of the URL
    if (/[/?#@\s]/.test(value) && !spec?.enum) invalid(`serverVariables.${key} must not hold /, ?, #, @ or spaces`, `serverVariables.${key}`);
    return value;
  });
