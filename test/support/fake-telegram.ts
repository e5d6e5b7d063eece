// The fake Telegram Bot API for end-to-end tests; the implementation lives in ./fake-telegram/.
export { FakeTelegram } from "./fake-telegram/server.js";
export type {
  Fault,
  FaultMatch,
  FakeTelegramOptions,
  FloodLimits,
  RecordedCall,
  RecordedFile,
  StoredMessage,
  TopicInfo,
  UpdateInput,
} from "./fake-telegram/types.js";
