package dk.vum.barometer.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageEvent;
import dk.vum.barometer.core.chat.Address;
import dk.vum.barometer.core.chat.Inbound;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.questionnaire.QuestionnaireActions;
import dk.vum.barometer.slack.blockkit.ActionIds;
import dk.vum.barometer.slack.blockkit.Modals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Bolt listeners for everything the barometer hears in Slack: the {@code /barometer} command, direct
 * messages, button clicks, modal submissions and the App Home. Each checks that the payload names what it
 * needs (or answers 400), acknowledges at once and leaves the work to the {@link SlackInbox}.
 * Delivery ids let the core process a retried event (same event_id), a retried click (same action_ts)
 * or a resubmitted modal (same view id) once.
 */
final class SlackListeners {

    static final String COMMAND = "/barometer";
    private static final int MAX_TEXT = 4000;
    /** Clicks answered with a modal: handled ahead of the person's queued clicks, while the trigger is good. */
    private static final Set<String> OPENS_MODAL = Set.of(ActionIds.OPEN_FORM, QuestionnaireActions.COMMENT);
    /** How long a modal submission waits for field errors: Slack closes the modal after three seconds. */
    private static final Duration FIELD_ERRORS_WAIT = Duration.ofMillis(2500);

    private final SlackInbox inbox;

    SlackListeners(SlackInbox inbox) {
        this.inbox = inbox;
    }

    void register(App app) {
        app.command(COMMAND, this::command);
        app.event(MessageEvent.class, this::message);
        app.event(AppHomeOpenedEvent.class, this::homeOpened);
        app.blockAction(Pattern.compile(".+"), this::action);
        app.viewSubmission(Pattern.compile(Pattern.quote(Modals.FORM_CALLBACK) + "|" + Pattern.quote(Modals.COMMAND_CALLBACK)),
                this::submission);
    }

    private Response command(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload p = request.getPayload();
        OrgId org = org(ctx);
        if (org == null || missing(p.getUserId(), p.getChannelId(), p.getTriggerId()) || length(p.getText()) > MAX_TEXT) {
            return badRequest();
        }
        String text = SlackText.toCore(p.getText()).strip();
        inbox.later(org, p.getUserId(), () -> {
            inbox.learnNames(org, List.of(text));
            inbox.joinNamed(org, text);
            boolean direct = inbox.isDirect(org, p.getUserId(), p.getChannelId());
            Address address = inbox.address(org, p.getChannelId(), direct, p.getUserId());
            ReplyTarget target = new ReplyTarget(p.getChannelId(), direct, p.getResponseUrl(), p.getTriggerId(), text.isEmpty());
            inbox.handle(new Inbound.TextInput(address, "slack-cmd:" + p.getTriggerId(), text), target);
        });
        return ctx.ack();
    }

    /** Text in the bot's direct conversation (the Messages tab); elsewhere the bot listens to the command only. */
    private Response message(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent e = payload.getEvent();
        OrgId org = org(ctx);
        if (org == null || e == null || missing(payload.getEventId())) return badRequest();
        if (!"im".equals(e.getChannelType()) || e.getBotId() != null || missing(e.getUser(), e.getChannel())
                || length(e.getText()) > MAX_TEXT) {
            return ctx.ack();
        }
        String text = SlackText.toCore(e.getText());
        inbox.later(org, e.getUser(), () -> {
            Address address = inbox.address(org, e.getChannel(), true, e.getUser());
            inbox.handle(new Inbound.TextInput(address, "slack-ev:" + payload.getEventId(), text),
                    ReplyTarget.of(e.getChannel(), true, null, null));
        });
        return ctx.ack();
    }

    private Response homeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent e = payload.getEvent();
        OrgId org = org(ctx);
        if (org == null || e == null || missing(e.getUser())) return badRequest();
        if ("home".equals(e.getTab())) inbox.later(org, e.getUser(), () -> inbox.publishHome(org, e.getUser()));
        return ctx.ack();
    }

    private Response action(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload p = request.getPayload();
        OrgId org = org(ctx);
        if (org == null || p.getUser() == null || missing(p.getUser().getId()) || p.getActions() == null
                || p.getActions().isEmpty()) {
            return badRequest();
        }
        BlockActionPayload.Action a = p.getActions().get(0);
        String action = ActionIds.decode(a.getActionId());
        if (missing(action, a.getActionTs())) return badRequest();
        String user = p.getUser().getId();
        String channel = p.getChannel() != null ? p.getChannel().getId()
                : p.getContainer() != null ? p.getContainer().getChannelId() : null;
        SlackInbox.Work work = () -> {
            // A click in the App Home has no conversation: its replies go to the direct conversation.
            String where = channel != null ? channel : inbox.directChannel(org, user);
            if (ActionIds.OPEN_FORM.equals(action)) {
                inbox.openForm(org, a.getValue(), p.getTriggerId(), where);
                return;
            }
            boolean direct = inbox.isDirect(org, user, where);
            Address address = inbox.address(org, where, direct, user);
            inbox.handle(new Inbound.ButtonInput(address, "slack-act:" + user + ":" + a.getActionTs(), action, a.getValue()),
                    ReplyTarget.of(where, direct, direct ? null : p.getResponseUrl(), p.getTriggerId()));
        };
        if (OPENS_MODAL.contains(action)) inbox.now(org, work);
        else inbox.later(org, user, work);
        return ctx.ack();
    }

    private Response submission(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = request.getPayload();
        OrgId org = org(ctx);
        if (org == null || p.getUser() == null || missing(p.getUser().getId()) || p.getView() == null
                || missing(p.getView().getId())) {
            return badRequest();
        }
        ModalContext modal = ModalContext.parse(p.getView().getPrivateMetadata()).orElse(null);
        if (modal == null) return badRequest();
        String user = p.getUser().getId();
        Map<String, String> values = new HashMap<>(Modals.values(p.getView().getState()));
        values.putAll(modal.hidden());
        String deliveryId = "slack-view:" + p.getView().getId();
        boolean command = Modals.COMMAND_CALLBACK.equals(p.getView().getCallbackId());
        Map<String, String> channels = command ? Map.of() : Modals.channels(p.getView().getState());
        // Field errors go back on the open modal (response_action: errors) when the answer comes within
        // Slack's three seconds; later, or anything else, is shown as messages.
        CompletableFuture<Map<String, String>> fieldErrors = new CompletableFuture<>();
        inbox.later(org, user, () -> {
            try {
                inbox.learnNames(org, values.values());
                boolean direct = inbox.isDirect(org, user, modal.channel());
                Address address = inbox.address(org, modal.channel(), direct, user);
                String text = values.getOrDefault(Modals.COMMAND_FIELD, "").strip();
                if (command) inbox.joinNamed(org, text);
                Inbound event = command
                        ? new Inbound.TextInput(address, deliveryId, text)
                        : new Inbound.FormInput(address, deliveryId, modal.form(), values);
                List<Message> refused = inbox.channelProblems(org, user, channels);
                List<Message> answer = refused.isEmpty() ? inbox.answer(event) : refused;
                Map<String, String> errors = Modals.fieldErrors(answer);
                boolean onModal = !errors.isEmpty() && fieldErrors.complete(errors);
                fieldErrors.complete(Map.of());
                if (!onModal) inbox.show(event, ReplyTarget.of(modal.channel(), direct, null, p.getTriggerId()), answer);
            } finally {
                fieldErrors.complete(Map.of());
            }
        });
        Map<String, String> errors;
        try {
            errors = fieldErrors.get(FIELD_ERRORS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            errors = fieldErrors.complete(Map.of()) ? Map.of() : fieldErrors.getNow(Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors = Map.of();
        }
        return errors.isEmpty() ? ctx.ack() : ctx.ackWithErrors(errors);
    }

    /** The workspace, or the Enterprise Grid organisation where there is one. */
    private static OrgId org(Context ctx) {
        String id = ctx.getEnterpriseId() != null && !ctx.getEnterpriseId().isBlank() ? ctx.getEnterpriseId() : ctx.getTeamId();
        if (id == null || id.isBlank() || id.length() > 100) return null;
        return OrgId.of(Platform.SLACK, id);
    }

    private static boolean missing(String... values) {
        for (String v : values) if (v == null || v.isBlank()) return true;
        return false;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static Response badRequest() {
        return Response.builder().statusCode(400).contentType("text/plain; charset=utf-8").body("Malformed Slack payload").build();
    }
}
