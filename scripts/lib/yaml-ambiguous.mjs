// @ts-check
// Strings that some YAML parser would read as something other than a string when written plain.
// `yaml` (YAML 1.2 core schema) already quotes its own cases; YAML 1.1 parsers (js-yaml, PyYAML,
// SnakeYAML, libyaml, which many OpenAPI tools use) also read dates, yes/no/on/off, 0-led octals,
// sexagesimal numbers and `<<`/`=` as typed values. The union of both specs' implicit types:
// https://yaml.org/type/ (1.1) and https://yaml.org/spec/1.2.2/#1032-tag-resolution (1.2).
const PATTERNS = [
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/, // bool
  /^(?:~|null|Null|NULL|)$/, // null
  /^[-+]?0b[01_]+$/, // int, base 2
  /^[-+]?0o?[0-7_]+$/, // int, base 8 (1.1 `017`, 1.2 `0o17`)
  /^[-+]?(?:0|[1-9][0-9_]*)$/, // int, base 10
  /^[-+]?0x[0-9a-fA-F_]+$/, // int, base 16
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/, // int or float, base 60
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9._]*(?:[eE][-+]?[0-9]+)?$/, // float (1.1, lenient)
  /^[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$/, // float (1.2)
  /^[-+]?\.(?:inf|Inf|INF)$/, // infinity
  /^\.(?:nan|NaN|NAN)$/, // not a number
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?$/, // timestamp
  /^(?:<<|=)$/, // merge key, value key
];

/** Whether `value`, written as a plain scalar, is read as a non-string by a YAML 1.1 or 1.2 parser. */
export function isAmbiguousPlain(/** @type {string} */ value) {
  return PATTERNS.some((p) => p.test(value));
}
