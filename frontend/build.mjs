// Builds the browser bundle into static/frontend/build/ (served by Django and WhiteNoise).
import { build } from "esbuild";

const production = process.env.NODE_ENV !== "development";

await build({
  entryPoints: { challenge: "src/challenge.js", review: "src/review.js", studio: "src/studio.js" },
  bundle: true,
  format: "esm",
  target: ["es2020"],
  minify: production,
  sourcemap: true,
  legalComments: "linked",
  outdir: "static/frontend/build",
  logLevel: "info",
});
