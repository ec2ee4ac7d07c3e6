// Sends emails with files prepared by GOV.UK Notify's official Node client (prepareUpload), and prints what the
// client returned as JSON for NodeFilesIT to follow the links in.
const { NotifyClient } = require("notifications-node-client");

async function main() {
  const client = new NotifyClient(process.env.NOTIFY_BASE_URL, process.env.NOTIFY_API_KEY);
  const file = Buffer.from(process.env.FILE_BASE64, "base64");
  const confirmed = await client.sendEmail(process.env.EMAIL_TEMPLATE_ID, process.env.RECIPIENT, {
    personalisation: { name: client.prepareUpload(file, { filename: "from-node.pdf" }) },
    reference: "node-file-confirmed",
  });
  const open = await client.sendEmail(process.env.EMAIL_TEMPLATE_ID, process.env.RECIPIENT, {
    personalisation: {
      name: client.prepareUpload(file, { confirmEmailBeforeDownload: false, retentionPeriod: "4 weeks" }),
    },
    reference: "node-file-open",
  });
  let error;
  try {
    await client.sendEmail(process.env.EMAIL_TEMPLATE_ID, process.env.RECIPIENT, {
      personalisation: { name: client.prepareUpload(file, { retentionPeriod: "80 weeks" }) },
    });
  } catch (e) {
    error = e.response.data;
  }
  console.log(JSON.stringify({ confirmed: confirmed.data, open: open.data, error }));
}

main().catch((e) => {
  console.error(e.response ? JSON.stringify(e.response.data) : e);
  process.exit(1);
});
