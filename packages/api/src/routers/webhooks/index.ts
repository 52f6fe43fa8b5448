import { router } from "../../trpc.js";
import { rotateSecretProcedure } from "./rotateSecret.js";
import { sendTestProcedure } from "./sendTest.js";
import { settingsProcedure } from "./settings.js";

export const webhooksRouter = router({
  settings: settingsProcedure,
  rotateSecret: rotateSecretProcedure,
  sendTest: sendTestProcedure,
});
