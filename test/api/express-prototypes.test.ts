import type { Server } from "node:http";
import express from "express";
import { listen } from "../../src/api/server";

// Express swaps the prototypes of every request and response it takes, which V8 pays for in every
// young-generation collection (see listen); the server builds them with those prototypes already.
describe("the API's HTTP server", () => {
  let server: Server;
  const swaps: { same: boolean }[] = [];
  const setPrototypeOf = Object.setPrototypeOf;

  beforeAll(async () => {
    const app = express();
    app.get("/probe", (_req, res) => {
      res.json({ ok: true });
    });
    server = await listen(app, 0);
    jest.spyOn(Object, "setPrototypeOf").mockImplementation((target: object, proto: object | null) => {
      swaps.push({ same: Object.getPrototypeOf(target) === proto });
      return setPrototypeOf(target, proto);
    });
  });
  afterAll(() => {
    jest.restoreAllMocks();
    server.close();
  });

  it("hands Express requests and responses that already have its prototypes", async () => {
    const { port } = server.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/probe`);
    expect(await response.json()).toEqual({ ok: true });
    expect(swaps.length).toBeGreaterThanOrEqual(2);
    expect(swaps.every((swap) => swap.same)).toBe(true);
  });
});
