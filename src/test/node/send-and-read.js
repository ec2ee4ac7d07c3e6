// Sends an email and a text message with GOV.UK Notify's official Node client, reads them back, and prints
// what the client returned as JSON for NodeClientIT to check.
const { NotifyClient } = require("notifications-node-client");

async function main() {
  const client = new NotifyClient(process.env.NOTIFY_BASE_URL, process.env.NOTIFY_API_KEY);
  const email = await client.sendEmail(process.env.EMAIL_TEMPLATE_ID, "node-client@example.com", {
    personalisation: { name: "Node", reference: "N-1" },
    reference: "from-node",
  });
  const sms = await client.sendSms(process.env.SMS_TEMPLATE_ID, "07700900321", {
    personalisation: { name: "Node" },
  });
  const read = await client.getNotificationById(email.data.id);
  const list = await client.getNotifications("", "", "from-node");
  let error;
  try {
    await client.sendEmail(process.env.EMAIL_TEMPLATE_ID, "not-an-email", { personalisation: { name: "x" } });
  } catch (e) {
    error = e.response.data;
  }
  console.log(JSON.stringify({ email: email.data, sms: sms.data, read: read.data, list: list.data, error }));
}

main().catch((e) => {
  console.error(e.response ? JSON.stringify(e.response.data) : e);
  process.exit(1);
});
