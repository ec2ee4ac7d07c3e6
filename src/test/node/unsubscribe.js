// Sends an email with a one-click unsubscribe URL through GOV.UK Notify's official Node client, reads it back and
// lists it, and prints what the client returned as JSON for OneClickUnsubscribeIT to check.
const { NotifyClient } = require("notifications-node-client");

async function main() {
  const client = new NotifyClient(process.env.NOTIFY_BASE_URL, process.env.NOTIFY_API_KEY);
  const sent = await client.sendEmail(process.env.EMAIL_TEMPLATE_ID, process.env.EMAIL_ADDRESS, {
    personalisation: { name: "Node" },
    reference: "node-unsubscribe",
    oneClickUnsubscribeURL: process.env.UNSUBSCRIBE_URL,
  });
  const read = await client.getNotificationById(sent.data.id);
  const list = await client.getNotifications("email", "", "node-unsubscribe");
  console.log(JSON.stringify({ sent: sent.data, read: read.data, list: list.data }));
}

main().catch((e) => {
  console.error(e.response ? JSON.stringify(e.response.data) : e);
  process.exit(1);
});
