// Starts GOV.UK Frontend's components. A file of its own, not an inline script, so the
// Content-Security-Policy can refuse every inline script.
import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();
