import { expect } from "chai";
import type { RelayPayload } from "../../src/domain/outbox.js";
import { planSteps } from "../../src/domain/relay/relay-plan.js";
import { visibleLength } from "../../src/domain/html.js";

const base: Omit<RelayPayload, "media" | "body"> = { type: "relay", fromChatId: 5, messageIds: [9], header: "❓ <b>#T1</b> dari <b>Budi</b>" };

describe("planning a relayed message within Telegram's limits", () => {
  it("puts header and text in one message when they fit, escaping the text", () => {
    const steps = planSteps({ ...base, media: "text", body: "gaji <naik> & *tunjangan*_?" });
    expect(steps).to.have.length(1);
    expect(steps[0]).to.deep.include({ method: "sendMessage", html: true });
    expect((steps[0] as { text: string }).text).to.contain("gaji &lt;naik&gt; &amp; *tunjangan*_?");
  });

  it("sends a full 4096-character question complete, as plain text after the header", () => {
    const body = "x".repeat(4096);
    const steps = planSteps({ ...base, media: "text", body });
    expect(steps).to.have.length(2);
    expect(steps[1]).to.deep.equal({ method: "sendMessage", text: body, html: false });
  });

  it("counts visible characters, not HTML: 4000 '<' still fit with the header", () => {
    const body = "<".repeat(4000);
    const [step] = planSteps({ ...base, media: "text", body });
    expect(visibleLength((step as { text: string }).text)).to.be.at.most(4096);
    expect(planSteps({ ...base, media: "text", body })).to.have.length(1);
  });

  it("joins header and caption on a copied photo when under 1024 characters", () => {
    const steps = planSteps({ ...base, media: "captionable", body: "foto SK" });
    expect(steps).to.deep.equal([{ method: "copyMessage", messageId: 9, caption: `${base.header}\n\nfoto SK`, replyTo: undefined }]);
  });

  it("sends the header first and keeps the original long caption", () => {
    const steps = planSteps({ ...base, media: "captionable", body: "c".repeat(1020) });
    expect(steps.map((s) => s.method)).to.deep.equal(["sendMessage", "copyMessage"]);
    expect(steps[1]).not.to.have.property("caption");
  });

  it("keeps an album together, in message order", () => {
    const steps = planSteps({ ...base, media: "album", messageIds: [12, 10, 11], body: null });
    expect(steps[1]).to.deep.equal({ method: "copyMessages", messageIds: [10, 11, 12] });
  });
});
