// Oracle: the OpenAPI Specification's own "Style Examples" table (Parameter Object). The inputs and
// expected strings are copied from OAS 3.2.0 §4.8.12.6 "Style Examples", the revision that corrects
// two rows of the OAS 3.0.3 (§4.7.12.4) / 3.1.0 table, which is otherwise the same:
// - label, explode false: 3.1.0 prints `.blue.black.brown` and `.R.100.G.200.B.150` (its explode
//   true row), contradicting RFC 6570 §3.2.5, which the same section cites (`{.list}` is `.red,green,blue`);
// - spaceDelimited, pipeDelimited, deepObject: 3.1.0 leaves out `color=` and prints `|`, `[`, `]`
//   unencoded; 3.2.0 prints them percent-encoded, as RFC 3986 requires (both decode the same).
// The "empty" column is the empty string (3.2.0 renames it "undefined" and keeps the same cells).
import { describe, expect, it } from "vitest";
import { ValidationError } from "../src/errors.js";
import { encodeStyledParams, percentEncode, styleParam } from "../src/param-style.js";
import type { OperationSpec, ParamSpec } from "../src/request.js";

const where = { method: "GET", path: "/t" };
const values = { empty: "", string: "blue", array: ["blue", "black", "brown"], object: { R: 100, G: 200, B: 150 } };
type Cell = string | "n/a";
// style, explode, empty, string, array, object — exactly as OAS 3.2.0 §4.8.12.6 prints them
const table: [NonNullable<ParamSpec["style"]>, boolean, Cell, Cell, Cell, Cell][] = [
  ["matrix", false, ";color", ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"],
  ["matrix", true, ";color", ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"],
  ["label", false, ".", ".blue", ".blue,black,brown", ".R,100,G,200,B,150"],
  ["label", true, ".", ".blue", ".blue.black.brown", ".R=100.G=200.B=150"],
  ["simple", false, "", "blue", "blue,black,brown", "R,100,G,200,B,150"],
  ["simple", true, "", "blue", "blue,black,brown", "R=100,G=200,B=150"],
  ["form", false, "color=", "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"],
  ["form", true, "color=", "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150"],
  ["spaceDelimited", false, "n/a", "n/a", "color=blue%20black%20brown", "color=R%20100%20G%20200%20B%20150"],
  ["pipeDelimited", false, "n/a", "n/a", "color=blue%7Cblack%7Cbrown", "color=R%7C100%7CG%7C200%7CB%7C150"],
  ["deepObject", true, "n/a", "n/a", "n/a", "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"],
];
// The same rows as OAS 3.1.0 prints them, where they differ (see above); compared after decoding.
const oas310: Record<string, Partial<Record<keyof typeof values, string>>> = {
  "spaceDelimited false": { array: "blue%20black%20brown", object: "R%20100%20G%20200%20B%20150" },
  "pipeDelimited false": { array: "blue|black|brown", object: "R|100|G|200|B|150" },
  "deepObject true": { object: "color[R]=100&color[G]=200&color[B]=150" },
};

const style = (s: ParamSpec["style"] & string, explode: boolean, value: unknown) => styleParam("color", value, s, explode, percentEncode, where);

describe("param-style", () => {
  for (const [s, explode, ...cells] of table) {
    it(`param-style: ${s}, explode ${explode}, serializes every value of the OAS Style Examples table as printed`, () => {
      (Object.keys(values) as (keyof typeof values)[]).forEach((kind, i) => {
        const expected = cells[i]!;
        if (expected === "n/a") {
          // the table has no form for it; what we do instead is pinned below
          if (kind !== "array") expect(() => style(s, explode, values[kind]), kind).toThrow(ValidationError);
          return;
        }
        expect(style(s, explode, values[kind]), kind).toBe(expected);
        const old = oas310[`${s} ${explode}`]?.[kind];
        if (old) expect(decodeURIComponent(style(s, explode, values[kind])).replace(/^color=/, ""), `${kind} (3.1.0)`).toBe(decodeURIComponent(old));
      });
    });
  }

  it("param-style: combinations the table marks n/a or leaves out get the nearest defined form, or a ValidationError naming the parameter", () => {
    // deepObject arrays: Stripe's convention (`expand[0]=…`), which its API and spec use
    expect(decodeURIComponent(style("deepObject", true, values.array))).toBe("color[0]=blue&color[1]=black&color[2]=brown");
    // exploded spaceDelimited/pipeDelimited are undefined: sent as exploded form
    expect(style("spaceDelimited", true, values.array)).toBe("color=blue&color=black&color=brown");
    expect(style("pipeDelimited", true, values.object)).toBe("R=100&G=200&B=150");
    // nested values have no form outside deepObject
    const error = (() => {
      try {
        style("form", true, [["a"], "b"]);
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error?.param).toBe("color");
    expect(error?.message).toMatch(/color must not nest arrays or objects \(style form, exploded\)/);
    expect(() => style("simple", false, { a: { b: 1 } })).toThrow(/color must not nest/);
    expect(() => style("deepObject", true, "x")).toThrow(/color must be an object/);
    expect(() => style("form", true, Symbol("x"))).toThrow(ValidationError);
    expect(() => style("form", true, Number.NaN)).toThrow(ValidationError);
    let deep: unknown = 1;
    for (let i = 0; i < 10; i++) deep = { a: deep };
    expect(() => style("deepObject", true, deep)).toThrow(/nest deeper/);
  });

  it("param-style: reserved characters are percent-encoded unless allowReserved, which still encodes what would end the value", () => {
    expect(style("form", true, "a/b?c&d=e+f g!'()*")).toBe("color=a%2Fb%3Fc%26d%3De%2Bf%20g%21%27%28%29%2A");
    expect(styleParam("q", "a/b:c[d]&e=f#g", "form", true, (t) => percentEncode(t, true), where)).toBe("q=a/b:c[d]%26e%3Df%23g");
  });
});

describe("param-style: encodeStyledParams", () => {
  const op = (params: OperationSpec["params"], path = "/items/{id}"): OperationSpec => ({ method: "GET", path, params });

  it("param-style: each location is serialized by its own style: path label and matrix, query deepObject and pipeDelimited, header simple, cookie form", () => {
    const spec = op(
      {
        path: { id: { style: "label", explode: true, required: true }, m: { style: "matrix" } },
        query: { filter: { style: "deepObject", explode: true }, ids: { style: "pipeDelimited", type: "integer", array: true }, q: { content: "application/json" } },
        header: { "If-Match": {}, "X-Tags": { explode: true } },
        cookie: { session: {}, prefs: { explode: false } },
      },
      "/items/{id}/{m}",
    );
    const out = encodeStyledParams(
      spec,
      {
        path: { id: ["a", "b"], m: 7 },
        query: { filter: { created: { gt: 5 } }, ids: [1, 2], q: { lat: 1.5 } },
        header: { "If-Match": '"etag"', "X-Tags": { a: 1, b: 2 } },
        cookie: { session: "s 1", prefs: ["x", "y"] },
      },
      { authorization: "Bearer t" },
    );
    expect(out.pathname).toBe("/items/.a.b/;m=7");
    expect(out.search).toBe("?filter%5Bcreated%5D%5Bgt%5D=5&ids=1%7C2&q=%7B%22lat%22%3A1.5%7D");
    expect(out.headers).toEqual({ authorization: "Bearer t", "if-match": '"etag"', "x-tags": "a=1,b=2", cookie: "session=s%201; prefs=x,y" });
  });

  it("param-style: a number path parameter is sent, and checkId guards every path style, label and matrix included", () => {
    expect(encodeStyledParams(op({ path: { id: { type: "integer" } } }), { path: { id: 42 } }, {}).pathname).toBe("/items/42");
    for (const style of ["simple", "label", "matrix"] as const) {
      for (const id of ["..", ".", "a/b", "%2e%2e", ["a", ".."], { k: "a/b" }, { "../x": 1 }, [], {}, ""]) {
        expect(() => encodeStyledParams(op({ path: { id: { style } } }), { path: { id } }, {}), `${style} ${JSON.stringify(id)}`).toThrow(ValidationError);
      }
    }
    expect(() => encodeStyledParams(op({ path: { id: { type: "integer" } } }), { path: { id: 1.5 } }, {})).toThrow(/id must be an integer/);
  });

  it("param-style: declared headers are sent per call; the client's own headers are refused with the reason; CR/LF is refused naming the header", () => {
    const spec = op({ path: { id: {} }, header: { "Idempotency-Key": {} } });
    const params = (header: Record<string, unknown>) => ({ path: { id: "x" }, header });
    expect(encodeStyledParams(spec, params({ "Idempotency-Key": "k1" }), { "sequence-version": "1" }).headers).toEqual({ "sequence-version": "1", "idempotency-key": "k1" });
    expect(() => encodeStyledParams(spec, params({ "Sequence-Version": "2" }), { "sequence-version": "1" })).toThrow(/Sequence-Version is set by the client/);
    expect(() => encodeStyledParams(spec, params({ Authorization: "x" }), {})).toThrow(/Authorization is set by the client/);
    expect(() => encodeStyledParams(spec, params({ "X-Other": "x" }), {})).toThrow(/X-Other is not a header parameter/);
    for (const bad of ["a\r\nX-Injected: 1", "a\nb", "a\rb", "é\u0100"]) {
      const error = (() => {
        try {
          encodeStyledParams(spec, params({ "Idempotency-Key": bad }), {});
        } catch (e) {
          return e as ValidationError;
        }
      })();
      expect(error, JSON.stringify(bad)).toBeInstanceOf(ValidationError);
      expect(error?.param).toBe("Idempotency-Key");
    }
  });

  it("param-style: required parameters are enforced and undefined ones left out", () => {
    const spec = op({ path: { id: {} }, query: { a: { required: true }, b: {} } });
    expect(() => encodeStyledParams(spec, { path: { id: "x" }, query: { b: 1 } }, {})).toThrow(/a is required/);
    expect(encodeStyledParams(spec, { path: { id: "x" }, query: { a: true, b: undefined } }, {}).search).toBe("?a=true");
    expect(encodeStyledParams(spec, { path: { id: "x" }, query: { a: [], b: "" } }, {}).search).toBe("?b=");
  });
});
