// Today's Notify contract through GOV.UK Notify's official Node client: an email whose personalisation is sanitised,
// a precompiled letter sent without postage, and a templated letter's PDF polled through the client's own error
// handling until it is ready. Prints what the client returned as JSON for NodeClientIT to check.
const { NotifyClient } = require("notifications-node-client");

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "ascii");

async function pollPdf(client, id) {
  const notReady = [];
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    try {
      const pdf = await client.getPdfForLetterNotification(id);
      return { notReady, header: pdf.subarray(0, 5).toString("ascii"), size: pdf.length };
    } catch (e) {
      if (!e.response) throw e;
      notReady.push({ status: e.response.status, errors: e.response.data.errors });
      if (e.response.data.errors[0].error !== "PDFNotReadyError") break;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  return { notReady };
}

async function main() {
  const client = new NotifyClient(process.env.NOTIFY_BASE_URL, process.env.NOTIFY_API_KEY);
  const sanitised = await client.sendEmail(process.env.EMAIL_TEMPLATE_ID, "node-contract@example.com", {
    personalisation: { name: "Jo, see [my site](https://bad.example/x) or www.gov.uk" },
    sanitiseContentFor: ["name"],
  });
  const precompiled = await client.sendPrecompiledLetter("node-precompiled", PDF);
  const letter = await client.sendLetter(process.env.LETTER_TEMPLATE_ID, {
    personalisation: {
      name: "Node", address_line_1: "A Person", address_line_2: "1 Street", address_line_3: "SW1A 1AA",
    },
    reference: "node-letter",
  });
  const pdf = await pollPdf(client, letter.data.id);
  console.log(JSON.stringify({ sanitised: sanitised.data, precompiled: precompiled.data, letter: letter.data, pdf }));
}

main().catch((e) => {
  console.error(e.response ? JSON.stringify(e.response.data) : e);
  process.exit(1);
});
