using Inlet.Engine.Transforms;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Blueprints;

/// <summary>
/// mParticle's webhook output as it sends it by default ("Send as Batch" on): one request carries a device's events in
/// <c>events[]</c>. A transform (action <c>from_transform</c>) makes each event the one-event blueprints take into its own
/// event, by their rules, and the request registers them all or none. The script is shown in the Backoffice form, so it is
/// written to be read and changed there.
/// </summary>
public static class MparticleBatchBlueprint
{
    public const string Script = """
        // mParticle batch → one event per mParticle event, registered all or nothing.
        // Each event of events[] follows the rules of the one-event mParticle blueprints; any other
        // (screen views, sessions, custom events without a points attribute…) is skipped.
        function transform(request) {
          const batch = request.body;
          const customer = identity(batch, 'customer_id');
          const attributes = batch.user_attributes || {};
          // mParticle spells its reserved names $FirstName in its list of them, $firstname in its JSON reference.
          const person = {
            first_name: first(attributes.$FirstName, attributes.$firstname),
            last_name: first(attributes.$LastName, attributes.$lastname),
            email: identity(batch, 'email'),
          };
          const mparticleEvents = batch.events || [];
          const events = [];
          const add = (action, data) => events.push({ customer, action, data });

          // A registration goes first, so that the batch's other events find the member. Its opt-in
          // carries the names and email, so the batch's attribute changes add no profile event then.
          const registers = mparticleEvents.some(isRegistration);
          if (registers) {
            add('opt_in', person);
          }
          let profiled = registers;
          for (const event of mparticleEvents) {
            const data = event.data || {};
            const sale = data.product_action || {};
            const points = (data.custom_attributes || {}).points;
            if (event.event_type === 'custom_event' && !isRegistration(event) && points !== undefined && points !== null) {
              add('point_add', { points, reason: data.event_name });
            } else if (event.event_type === 'commerce_event' && sale.action === 'purchase') {
              add('checkout', {
                transaction_id: sale.transaction_id, total: sale.total_amount, currency: data.currency_code,
                items: Array.isArray(sale.products) ? sale.products.map(item) : sale.products,
              });
            } else if (event.event_type === 'commerce_event' && sale.action === 'refund') {
              // No products and no amount: the whole transaction. Otherwise its total_amount.
              if (empty(sale.products) && (empty(sale.total_amount) || Number(sale.total_amount) <= 0)) {
                add('refund', { transaction_id: sale.transaction_id });
              } else {
                add('partial_refund', { transaction_id: sale.transaction_id, amount: sale.total_amount });
              }
            } else if (event.event_type === 'user_attribute_change' && !profiled) {
              // The batch's user attributes are the state after all its changes: one profile event says it.
              profiled = true;
              add('profile', person);
            } else if (event.event_type === 'opt_out' && data.is_opted_out === true) {
              add('opt_out', {});
            }
          }

          if (events.length === 0) {
            return null; // nothing this webhook takes: the request is dropped (200)
          }
          if (empty(customer)) {
            throw new Error('the batch has no customer_id in user_identities');
          }
          return events;
        }

        // The webhook output sends [{identity_type, identity}]; mParticle's Events API sends {customer_id: …}.
        function identity(batch, type) {
          const identities = batch.user_identities || {};
          if (Array.isArray(identities)) {
            const found = identities.find(entry => entry.identity_type === type);
            return found ? found.identity : undefined;
          }
          return identities[type];
        }

        function isRegistration(event) {
          return event.event_type === 'custom_event' && (event.data || {}).event_name === 'registration';
        }

        // A product as a checkout item; what mParticle sends as null is left out, as a mapping leaves it.
        function item(product) {
          const fields = {
            product_id: product.id, product_name: product.name, quantity: product.quantity,
            price: product.price, subtotal: product.total_product_amount,
          };
          return Object.fromEntries(Object.entries(fields).filter(([, value]) => !empty(value)));
        }

        function first(...values) {
          return values.find(value => !empty(value));
        }

        // Missing, null, blank, [] or {}: what a filter calls empty.
        function empty(value) {
          if (value === undefined || value === null) {
            return true;
          }
          if (typeof value === 'string') {
            return value.trim() === '';
          }
          return typeof value === 'object' && Object.keys(value).length === 0;
        }
        """;

    private const string Name = "mParticle batch → one event per mParticle event";

    public static Blueprint Batch { get; } = new("mparticle-batch", Name,
        "mParticle's default (\"Send as Batch\" on): each event of the batch becomes its own event by the rules of the one-event " +
        "mParticle blueprints — custom events with a 'points' attribute, purchases, refunds, user attribute changes, registration, " +
        "opt-outs — registered all or nothing. Any other event is skipped; a batch of none is dropped (200).",
        new WebhookDefinition
        {
            Name = Name,
            Method = "POST",
            Endpoint = "mparticle-batch",
            Action = WebhookDefinition.FromTransform,
            Transform = new TransformDefinition("javascript", Script),
            Verification = new VerificationDefinition { Type = "token", Header = "Authorization" },
        });
}
