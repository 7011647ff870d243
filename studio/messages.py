"""Every machine code the app can meet, mapped to one translated sentence, in one place.

The backend, the client and the editor speak in codes with parameters; only here do they
become words. Parameters fill `{name}` placeholders; a missing one never crashes the message.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from studio.collab.wording import action_name, state_name
from studio.teams.wording import role_name

_CONTEXT = "Messages"

_MESSAGES: dict[str, str] = {
    # backend process and connection
    "backend.unreachable": QT_TRANSLATE_NOOP(
        "Messages", "The studio's backend cannot be reached right now."
    ),
    "backend.not_ready": QT_TRANSLATE_NOOP("Messages", "The studio is still starting."),
    "backend.start_timeout": QT_TRANSLATE_NOOP(
        "Messages", "The studio's backend took too long to start."
    ),
    "backend.exited": QT_TRANSLATE_NOOP("Messages", "The studio's backend stopped while starting."),
    "backend.spawn_failed": QT_TRANSLATE_NOOP(
        "Messages", "The studio's backend could not be launched."
    ),
    "data_dir.locked": QT_TRANSLATE_NOOP(
        "Messages",
        "Zhongcao Studio is already open with this data folder. "
        "Switch to that window, or close it and try again.",
    ),
    "database.unavailable": QT_TRANSLATE_NOOP(
        "Messages", "The studio's database could not be opened."
    ),
    "server.unexpected_response": QT_TRANSLATE_NOOP(
        "Messages", "The backend gave an unexpected answer (HTTP {status})."
    ),
    "server.error": QT_TRANSLATE_NOOP(
        "Messages", "The backend hit an internal error. Please try again."
    ),
    "request.too_large": QT_TRANSLATE_NOOP(
        "Messages", "What was sent is larger than the backend accepts."
    ),
    "request.invalid": QT_TRANSLATE_NOOP(
        "Messages", "The backend did not accept what was sent (invalid request)."
    ),
    "idempotency.in_progress": QT_TRANSLATE_NOOP(
        "Messages", "The same request is still being processed; it will be retried."
    ),
    "idempotency.key_reused": QT_TRANSLATE_NOOP(
        "Messages", "The backend refused a repeated request that did not match the first."
    ),
    "http.4xx": QT_TRANSLATE_NOOP("Messages", "The backend refused the request (HTTP {status})."),
    "http.5xx": QT_TRANSLATE_NOOP(
        "Messages", "The backend had a problem answering (HTTP {status})."
    ),
    # files the creator adds
    "image.unsupported_format": QT_TRANSLATE_NOOP(
        "Messages",
        "This is not a photo or video the studio takes (JPEG, PNG, WebP, HEIC; MP4, MOV, MKV, "
        "WebM).",
    ),
    "image.corrupt": QT_TRANSLATE_NOOP("Messages", "The image is damaged and cannot be read."),
    "image.too_many_pixels": QT_TRANSLATE_NOOP(
        "Messages", "The image has too many pixels ({pixels})."
    ),
    "image.side_too_long": QT_TRANSLATE_NOOP(
        "Messages", "The image is too large ({width}×{height} pixels)."
    ),
    "image.too_many_frames": QT_TRANSLATE_NOOP(
        "Messages", "Animated images with this many frames are not supported."
    ),
    "file.too_large": QT_TRANSLATE_NOOP("Messages", "The file is too large ({size})."),
    "file.not_found": QT_TRANSLATE_NOOP("Messages", "The file no longer exists."),
    "file.not_regular": QT_TRANSLATE_NOOP("Messages", "This is not a regular file."),
    "file.empty": QT_TRANSLATE_NOOP("Messages", "The file is empty."),
    "file.unreadable": QT_TRANSLATE_NOOP("Messages", "The file cannot be read."),
    "media.unsupported": QT_TRANSLATE_NOOP(
        "Messages",
        "This is not a photo or video the studio takes (JPEG, PNG, WebP, HEIC; MP4, MOV, MKV, "
        "WebM).",
    ),
    "media.too_large": QT_TRANSLATE_NOOP(
        "Messages", "The file is larger than the backend accepts ({max})."
    ),
    "media.not_found": QT_TRANSLATE_NOOP("Messages", "This image is not stored any more."),
    "unexpected": QT_TRANSLATE_NOOP("Messages", "an unexpected error ({error})."),
    "media.unknown": QT_TRANSLATE_NOOP("Messages", "A photo or video of this note is missing."),
    # video notes: what a draft takes (studio.media_intake.admit)
    "media.video_note_full": QT_TRANSLATE_NOOP(
        "Messages", "A video note holds one video. Remove it first to use another file."
    ),
    "media.video_note_photos": QT_TRANSLATE_NOOP(
        "Messages",
        "The note became a video note with the video added; photos need a note of their own.",
    ),
    "media.misnamed": QT_TRANSLATE_NOOP(
        "Messages",
        "The file's name does not match what it holds (a photo named as a video, "
        "or a video named as a photo). Rename it and add it again.",
    ),
    "media.photo_note_video": QT_TRANSLATE_NOOP(
        "Messages", "This note has photos; a video needs a note of its own."
    ),
    # publishing rules
    "title.empty": QT_TRANSLATE_NOOP("Messages", "The title is empty."),
    "title.too_wide": QT_TRANSLATE_NOOP(
        "Messages", "The title is too long: {units} of {max} width units."
    ),
    "body.too_long": QT_TRANSLATE_NOOP(
        "Messages", "The text is too long: {chars} of {max} characters."
    ),
    "images.too_few": QT_TRANSLATE_NOOP("Messages", "Add at least {min} image (now {count})."),
    "images.too_many": QT_TRANSLATE_NOOP("Messages", "Use at most {max} images (now {count})."),
    "video.count": QT_TRANSLATE_NOOP(
        "Messages", "A video note needs exactly {expected} video (now {count})."
    ),
    "video.format": QT_TRANSLATE_NOOP(
        "Messages", "Video {index} is {format}; the platform takes {allowed}."
    ),
    "video.ratio": QT_TRANSLATE_NOOP(
        "Messages", "The video's shape ({width}×{height}) is not one the platform takes."
    ),
    "video.bytes.too_large": QT_TRANSLATE_NOOP(
        "Messages", "The video is too large: {bytes} of at most {max}."
    ),
    "video.bytes.large": QT_TRANSLATE_NOOP(
        "Messages", "The video is large ({bytes}); it may upload slowly."
    ),
    # video: the backend's length rules
    "video.duration.long": QT_TRANSLATE_NOOP(
        "Messages", "The video is long ({seconds}, over {max}); many viewers may not finish it."
    ),
    "video.duration.too_long": QT_TRANSLATE_NOOP(
        "Messages", "The video is too long: {seconds} of at most {max}."
    ),
    "images.format": QT_TRANSLATE_NOOP(
        "Messages", "Image {index} is {format}; the platform takes {allowed}."
    ),
    "images.ratio": QT_TRANSLATE_NOOP(
        "Messages", "Image {index} ({width}×{height}) is not a shape the platform takes: {allowed}."
    ),
    "images.bytes.too_large": QT_TRANSLATE_NOOP(
        "Messages", "Image {index} is too large: {bytes} of at most {max}."
    ),
    "images.bytes.large": QT_TRANSLATE_NOOP(
        "Messages", "Image {index} is large ({bytes}); it may upload slowly."
    ),
    "images.below_recommended": QT_TRANSLATE_NOOP(
        "Messages", "Image {index} is small ({width}×{height}); it may look soft."
    ),
    "cover.missing": QT_TRANSLATE_NOOP("Messages", "The note has no cover."),
    "brief.requirement_unmet": QT_TRANSLATE_NOOP(
        "Messages", "The brief asks for something this note lacks ({kind}: {value})."
    ),
    "topics.many": QT_TRANSLATE_NOOP(
        "Messages", "{count} topics: more than {warn_max} may look like spam."
    ),
    "topics.too_many": QT_TRANSLATE_NOOP("Messages", "Too many topics: {count} of at most {max}."),
    "schedule.too_soon": QT_TRANSLATE_NOOP(
        "Messages", "Too soon: schedule it for {earliest} or later."
    ),
    "schedule.too_late": QT_TRANSLATE_NOOP(
        "Messages", "Too far ahead: schedule it for {latest} or earlier."
    ),
    # composer: topics, @mentions, places, products
    "topic.unknown": QT_TRANSLATE_NOOP("Messages", "One of the topics no longer exists."),
    "topic.not_found": QT_TRANSLATE_NOOP("Messages", "This topic no longer exists."),
    "topic.duplicate": QT_TRANSLATE_NOOP("Messages", "A topic is in the list twice."),
    "topic.name_invalid": QT_TRANSLATE_NOOP(
        "Messages", "This is not a valid topic name (1 to {max} characters)."
    ),
    "note.too_many_topics": QT_TRANSLATE_NOOP("Messages", "Too many topics: at most {max}."),
    "topic_group.name_taken": QT_TRANSLATE_NOOP(
        "Messages", "A topic group with this name already exists."
    ),
    "topic_group.not_found": QT_TRANSLATE_NOOP("Messages", "This topic group no longer exists."),
    "topic_group.version_conflict": QT_TRANSLATE_NOOP(
        "Messages", "This topic group was changed somewhere else; the list shows the latest now."
    ),
    "topic_group.name_empty": QT_TRANSLATE_NOOP("Messages", "Give the group a name."),
    "topic_group.name_too_long": QT_TRANSLATE_NOOP(
        "Messages", "The name is too long: at most {max} characters."
    ),
    "topic_group.no_topics": QT_TRANSLATE_NOOP("Messages", "Add at least one topic to the group."),
    "topic_group.too_many_topics": QT_TRANSLATE_NOOP(
        "Messages",
        "A group holds at most {max} topics, as many as one note may carry; this one has "
        "{count}. Remove some first.",
    ),
    "mention.unknown": QT_TRANSLATE_NOOP("Messages", "An account you @mentioned no longer exists."),
    "mention.duplicate": QT_TRANSLATE_NOOP("Messages", "An account is @mentioned twice."),
    "place.not_found": QT_TRANSLATE_NOOP("Messages", "This place no longer exists."),
    "product.link_not_allowed": QT_TRANSLATE_NOOP(
        "Messages", "This account may not link products to its notes."
    ),
    "product.not_found": QT_TRANSLATE_NOOP("Messages", "This product no longer exists."),
    "product.duplicate": QT_TRANSLATE_NOOP("Messages", "A product is linked twice."),
    "product.sku_taken": QT_TRANSLATE_NOOP(
        "Messages", "Another product of this storefront has this SKU."
    ),
    "storefront.not_found": QT_TRANSLATE_NOOP("Messages", "This storefront no longer exists."),
    "organization.not_found": QT_TRANSLATE_NOOP("Messages", "This organization no longer exists."),
    "account.owner_only": QT_TRANSLATE_NOOP(
        "Messages", "Only the account's owner may change this."
    ),
    # scheduling, the publish package
    "note.not_schedulable": QT_TRANSLATE_NOOP(
        "Messages", "Only a draft or a scheduled note can be scheduled."
    ),
    "note.not_scheduled": QT_TRANSLATE_NOOP("Messages", "This note is not scheduled."),
    "note.not_published": QT_TRANSLATE_NOOP("Messages", "This note has not been published yet."),
    "posted.link_invalid": QT_TRANSLATE_NOOP(
        "Messages", "This is not a link to a Xiaohongshu note."
    ),
    "package.unwritable": QT_TRANSLATE_NOOP(
        "Messages", "The publish package could not be written to {folder}."
    ),
    "package.image_not_found": QT_TRANSLATE_NOOP(
        "Messages", "An image of the publish package is missing."
    ),
    "package.image_malformed": QT_TRANSLATE_NOOP(
        "Messages",
        "Image {file} is damaged, so its AI-generated-content label cannot be written into "
        "it; the package stopped there. Replace the photo in the note and try again.",
    ),
    # the cover in a video note's publish package
    "package.cover_not_found": QT_TRANSLATE_NOOP(
        "Messages", "This note has no cover yet: add a photo or a video first."
    ),
    # notes
    "note.not_found": QT_TRANSLATE_NOOP("Messages", "This note no longer exists."),
    "note.version_conflict": QT_TRANSLATE_NOOP("Messages", "This note was changed somewhere else."),
    "note.not_editable": QT_TRANSLATE_NOOP("Messages", "This note can no longer be edited."),
    "note.rules_violated": QT_TRANSLATE_NOOP(
        "Messages", "The note breaks {count} publishing rule(s)."
    ),
    "journal.write_failed": QT_TRANSLATE_NOOP(
        "Messages", "Your draft could not be written to disk ({error})."
    ),
    "note.not_publishable": QT_TRANSLATE_NOOP(
        "Messages", "This note cannot be published in its current state."
    ),
    "account.not_found": QT_TRANSLATE_NOOP("Messages", "This account no longer exists."),
    "auth.missing_token": QT_TRANSLATE_NOOP("Messages", "You are not signed in."),
    "auth.invalid_token": QT_TRANSLATE_NOOP("Messages", "Your sign-in has expired."),
    # team server sign-in
    "auth.bad_credentials": QT_TRANSLATE_NOOP("Messages", "The e-mail or password is wrong."),
    "auth.signed_out": QT_TRANSLATE_NOOP(
        "Messages", "You are signed out of the team server. Sign in again in Settings."
    ),
    "team.url_invalid": QT_TRANSLATE_NOOP(
        "Messages", "Enter the server's address, starting with https:// or http://."
    ),
    "team.unreachable": QT_TRANSLATE_NOOP(
        "Messages", "{url} cannot be reached. Check the address and your network connection."
    ),
    "team.not_zhongcao": QT_TRANSLATE_NOOP(
        "Messages", "{url} answered, but it is not a Zhongcao Studio team server."
    ),
    # photo edits (recipes) and presets
    "recipe.invalid": QT_TRANSLATE_NOOP("Messages", "These edit settings are not valid ({field})."),
    "recipe.too_new": QT_TRANSLATE_NOOP(
        "Messages",
        "These edits were made with a newer version of Zhongcao Studio. "
        "Update the app to open them.",
    ),
    "recipe.too_large": QT_TRANSLATE_NOOP("Messages", "These edit settings are too large to save."),
    "preset.name_taken": QT_TRANSLATE_NOOP(
        "Messages", "You already have a preset called “{name}”. Choose another name."
    ),
    "preset.not_found": QT_TRANSLATE_NOOP("Messages", "This preset no longer exists."),
    "preset.version_conflict": QT_TRANSLATE_NOOP(
        "Messages", "This preset was changed somewhere else; the list shows the latest now."
    ),
    # filter looks and .cube files
    "look.unknown": QT_TRANSLATE_NOOP("Messages", "This filter is not available any more."),
    "sticker.unknown": QT_TRANSLATE_NOOP("Messages", "This sticker is not available any more."),
    "sticker.invalid": QT_TRANSLATE_NOOP(
        "Messages", "This sticker's picture is damaged and cannot be drawn."
    ),
    # cover templates (the engine's codes)
    "template.unknown": QT_TRANSLATE_NOOP("Messages", "There is no template called “{name}”."),
    "template.unreadable": QT_TRANSLATE_NOOP(
        "Messages", "This template file cannot be read ({reason})."
    ),
    "template.not_json": QT_TRANSLATE_NOOP(
        "Messages", "This template file is not valid JSON (line {line}, column {column})."
    ),
    "template.invalid": QT_TRANSLATE_NOOP(
        "Messages", "This template is not valid ({field}: {reason})."
    ),
    "template.too_new": QT_TRANSLATE_NOOP(
        "Messages",
        "This template was made with a newer version of Zhongcao Studio. Update the app to use it.",
    ),
    "template.unknown_slot": QT_TRANSLATE_NOOP(
        "Messages", "This template has no text box called “{slot}”."
    ),
    # template gallery: saving a cover as one's own template
    "template.invalid.too_many_layers": QT_TRANSLATE_NOOP(
        "Messages",
        "This template has more texts and stickers than a photo holds ({max}), "
        "so it cannot be applied.",
    ),
    "template.invalid.too_many": QT_TRANSLATE_NOOP(
        "Messages",
        "A template holds at most {max} boxes, photos, texts and stickers. "
        "Remove a few texts or stickers from the cover and save it again.",
    ),
    # brands: organizations, briefs, collaborations, rounds, comments
    "organization.forbidden": QT_TRANSLATE_NOOP(
        "Messages",
        "Only owners and admins change who belongs to this organization (your role: {role}).",
    ),
    # teams: invitations, managed accounts, members, sign-in security
    "organization.role_not_allowed": QT_TRANSLATE_NOOP(
        "Messages", "Only an owner may make someone {role}, or change what an owner may do."
    ),
    "organization.last_owner": QT_TRANSLATE_NOOP(
        "Messages",
        "An organization needs an owner. Make someone else owner first, then change this.",
    ),
    "member.not_found": QT_TRANSLATE_NOOP("Messages", "This person is no longer a member."),
    "note.forbidden": QT_TRANSLATE_NOOP(
        "Messages", "As {role} of this account you may read its notes but not change them."
    ),
    "invitation.bad_code": QT_TRANSLATE_NOOP(
        "Messages",
        "That is not an invitation code. A code looks like ABCD-EFGH-JKMN; a link works too.",
    ),
    "invitation.not_found": QT_TRANSLATE_NOOP(
        "Messages", "No invitation has this code. Check it, or ask for a new one."
    ),
    "invitation.revoked": QT_TRANSLATE_NOOP(
        "Messages", "This invitation was withdrawn. Ask for a new one."
    ),
    "invitation.expired": QT_TRANSLATE_NOOP(
        "Messages", "This invitation expired on {expired_at}. Ask for a new one."
    ),
    "invitation.used_up": QT_TRANSLATE_NOOP(
        "Messages", "This invitation has been used as often as it may be. Ask for a new one."
    ),
    "invitation.no_accounts": QT_TRANSLATE_NOOP(
        "Messages", "Choose at least one of your accounts for the organization to manage."
    ),
    "invitation.personal_manage": QT_TRANSLATE_NOOP(
        "Messages",
        "A personal workspace does not manage other people's accounts; "
        "create an MCN organization for that.",
    ),
    "grant.forbidden": QT_TRANSLATE_NOOP(
        "Messages",
        "Only the owners and admins of {account}, or of the organization managing it, "
        "may change who manages it.",
    ),
    "grant.own_account": QT_TRANSLATE_NOOP(
        "Messages", "{account} already belongs to this organization."
    ),
    "grant.not_found": QT_TRANSLATE_NOOP(
        "Messages", "This account is no longer managed by that organization."
    ),
    "session.not_found": QT_TRANSLATE_NOOP("Messages", "That session has already ended."),
    "auth.too_many_attempts": QT_TRANSLATE_NOOP(
        "Messages",
        "Too many wrong passwords for this address. Try again in {retry_after} minute(s).",
    ),
    "auth.wrong_password": QT_TRANSLATE_NOOP("Messages", "Your current password is not right."),
    "auth.weak_password": QT_TRANSLATE_NOOP("Messages", "Choose a stronger password."),
    "auth.weak_password.too_short": QT_TRANSLATE_NOOP(
        "Messages", "A password needs at least 10 characters; a short sentence works well."
    ),
    "auth.weak_password.too_long": QT_TRANSLATE_NOOP(
        "Messages", "A password may have at most 256 characters."
    ),
    "auth.weak_password.too_guessable": QT_TRANSLATE_NOOP(
        "Messages",
        "This password is too easy to guess (a common password, a pattern, or your own "
        "name or e-mail). Try a few unrelated words.",
    ),
    "user.not_found": QT_TRANSLATE_NOOP(
        "Messages", "Nobody has signed up with {email}. Ask them to create an account first."
    ),
    "account.forbidden": QT_TRANSLATE_NOOP(
        "Messages", "As {role} you may see this account but not add to it or change it."
    ),
    "brief.not_found": QT_TRANSLATE_NOOP(
        "Messages", "This brief no longer exists, or you may not see it."
    ),
    "brief.forbidden": QT_TRANSLATE_NOOP(
        "Messages", "You may read this brand's briefs but not change them (your role: {role})."
    ),
    "brief.not_a_brand": QT_TRANSLATE_NOOP(
        "Messages", "Only a brand organization writes briefs; this one is a {kind} organization."
    ),
    "brief.protection_days": QT_TRANSLATE_NOOP(
        "Messages", "The protection period must be between {min} and {max} days ({days} given)."
    ),
    "brief.publish_window": QT_TRANSLATE_NOOP(
        "Messages", "The publish window must end after it starts."
    ),
    "brief.followers_range": QT_TRANSLATE_NOOP(
        "Messages", "The highest follower count must not be below the lowest."
    ),
    "brief.already_open": QT_TRANSLATE_NOOP(
        "Messages", "An open brief cannot go back to a draft; close it instead."
    ),
    "brief.in_use": QT_TRANSLATE_NOOP(
        "Messages",
        "{collaborations} creators already answered this brief, so it cannot be deleted. "
        "Close it instead.",
    ),
    "brief.not_open": QT_TRANSLATE_NOOP(
        "Messages",
        "This brief is not open (it is {status}): it takes no invitations or applications.",
    ),
    "brief.not_recruiting": QT_TRANSLATE_NOOP(
        "Messages", "This brief is by invitation only; creators cannot apply to it."
    ),
    "brief.deadline_passed": QT_TRANSLATE_NOOP(
        "Messages", "Applications for this brief closed on {apply_by}."
    ),
    "brief.criteria_unmet": QT_TRANSLATE_NOOP(
        "Messages",
        "This account does not meet the brief's creator criteria (field, region or followers).",
    ),
    "collaboration.not_found": QT_TRANSLATE_NOOP(
        "Messages", "This collaboration no longer exists, or you may not see it."
    ),
    "collaboration.exists": QT_TRANSLATE_NOOP(
        "Messages", "This account already has a collaboration on this brief."
    ),
    "collaboration.too_few_followers": QT_TRANSLATE_NOOP(
        "Messages",
        "Brand collaborations need at least {min} followers; this account has {followers}.",
    ),
    "collaboration.not_allowed": QT_TRANSLATE_NOOP(
        "Messages", "You may not do this ({action}) on this collaboration."
    ),
    "collaboration.wrong_state": QT_TRANSLATE_NOOP(
        "Messages",
        "This cannot be done now: the collaboration has moved on (now: {state}). "
        "It has been reloaded.",
    ),
    "collaboration.version_conflict": QT_TRANSLATE_NOOP(
        "Messages", "Someone else changed this collaboration meanwhile. It has been reloaded."
    ),
    "collaboration.comment_required": QT_TRANSLATE_NOOP(
        "Messages", "Say what should change: add at least one comment before requesting changes."
    ),
    "collaboration.use_note": QT_TRANSLATE_NOOP(
        "Messages", "Submit, schedule and publish from the note itself."
    ),
    "collaboration.no_note": QT_TRANSLATE_NOOP(
        "Messages", "This collaboration has no note yet. Start one from the brief first."
    ),
    "collaboration.note_empty": QT_TRANSLATE_NOOP(
        "Messages", "Add the photos or the video before submitting the note for review."
    ),
    "collaboration.unchanged": QT_TRANSLATE_NOOP(
        "Messages", "Nothing changed since round {round}; answer the comments, then resubmit."
    ),
    "collaboration.note_other_account": QT_TRANSLATE_NOOP(
        "Messages", "That note belongs to another account than the collaboration's."
    ),
    "collaboration.note_not_draft": QT_TRANSLATE_NOOP(
        "Messages", "Only a draft can become a collaboration's note (this one is {status})."
    ),
    "collaboration.note_taken": QT_TRANSLATE_NOOP(
        "Messages", "That note already belongs to another collaboration."
    ),
    "collaboration.round_not_found": QT_TRANSLATE_NOOP(
        "Messages", "Round {round} of this collaboration does not exist."
    ),
    "collaboration.not_approved": QT_TRANSLATE_NOOP(
        "Messages",
        "This collaboration note can be scheduled or published only as the brand approved it "
        "(now: {state}). Submit it for review first.",
    ),
    "collaboration.outside_window": QT_TRANSLATE_NOOP(
        "Messages", "The brief asks for publishing between {publish_from} and {publish_until}."
    ),
    "note.protected": QT_TRANSLATE_NOOP(
        "Messages",
        "This collaboration note is protected until {until}: it cannot be deleted or "
        "archived before then.",
    ),
    "comment.forbidden": QT_TRANSLATE_NOOP(
        "Messages", "You may read this conversation but not write in it."
    ),
    "comment.closed": QT_TRANSLATE_NOOP(
        "Messages", "This collaboration has ended ({state}); it takes no more comments."
    ),
    "comment.no_round": QT_TRANSLATE_NOOP(
        "Messages", "Nothing has been submitted yet, so there is no photo or field to comment on."
    ),
    "comment.position": QT_TRANSLATE_NOOP(
        "Messages", "The submitted note has no photo number {position}."
    ),
    "comment.not_found": QT_TRANSLATE_NOOP("Messages", "This comment no longer exists."),
    "reader_comment.forbidden": QT_TRANSLATE_NOOP(
        "Messages",
        "As {role} of this account you may read readers' comments but not approve or remove them.",
    ),
    "reader_comment.removed": QT_TRANSLATE_NOOP(
        "Messages", "This comment was removed; it can no longer be approved."
    ),
    "comment.version_conflict": QT_TRANSLATE_NOOP(
        "Messages", "Someone else changed this comment meanwhile. It has been reloaded."
    ),
    # brief editor
    "brief.version_conflict": QT_TRANSLATE_NOOP(
        "Messages",
        "Someone else changed this brief meanwhile. It has been reloaded: check it and save again.",
    ),
    "brief_editor.title_required": QT_TRANSLATE_NOOP("Messages", "Give the brief a title."),
    "money.invalid": QT_TRANSLATE_NOOP(
        "Messages", "“{text}” is not an amount in yuan. Type it like 1280 or 1280.50."
    ),
    "money.too_precise": QT_TRANSLATE_NOOP(
        "Messages", "An amount has at most two decimals (fen); “{text}” has more."
    ),
    "money.too_large": QT_TRANSLATE_NOOP(
        "Messages", "“{text}” is more than an amount the studio keeps."
    ),
    # creator collaborations
    "account.version_conflict": QT_TRANSLATE_NOOP(
        "Messages",
        "This account's profile was changed somewhere else meanwhile. It has been reloaded: "
        "edit it again.",
    ),
    # storefront and product CSV
    "storefront.version_conflict": QT_TRANSLATE_NOOP(
        "Messages", "This storefront was changed somewhere else. Its current details are shown."
    ),
    "product.version_conflict": QT_TRANSLATE_NOOP(
        "Messages", "This product was changed somewhere else in the meantime."
    ),
    "product_csv.too_large": QT_TRANSLATE_NOOP(
        "Messages", "The CSV file is larger than {max} MB. Split it into smaller files."
    ),
    "product_csv.encoding": QT_TRANSLATE_NOOP(
        "Messages", "The CSV file is neither UTF-8 nor GB18030 text. Save it again as CSV UTF-8."
    ),
    "product_csv.empty": QT_TRANSLATE_NOOP("Messages", "The CSV file has no header row."),
    "product_csv.missing_column": QT_TRANSLATE_NOOP(
        "Messages",
        "The CSV file has no “{column}” column. It needs sku, name and price "
        "(or SKU/商品编码, 商品名称 and 价格(元)).",
    ),
    "product_csv.sku_missing": QT_TRANSLATE_NOOP("Messages", "The SKU is empty."),
    "product_csv.sku_invalid": QT_TRANSLATE_NOOP(
        "Messages", "The SKU “{sku}” has spaces or is longer than {max} characters."
    ),
    "product_csv.sku_duplicate": QT_TRANSLATE_NOOP(
        "Messages", "The SKU “{sku}” is already on row {first_row} of this file."
    ),
    "product_csv.name_missing": QT_TRANSLATE_NOOP("Messages", "The product name is empty."),
    "product_csv.name_invalid": QT_TRANSLATE_NOOP(
        "Messages", "The product name is longer than {max} characters or has line breaks."
    ),
    "product_csv.price_invalid": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a price in yuan (for example 129 or 129.90)."
    ),
    "product_csv.currency_invalid": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a currency code (for example CNY)."
    ),
    "product_csv.stock_invalid": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a whole number of items in stock."
    ),
    "product_csv.stock_negative": QT_TRANSLATE_NOOP(
        "Messages", "The stock cannot be negative ({value})."
    ),
    "product_csv.status_invalid": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a status: use 在售 / on_sale or 下架 / off_shelf."
    ),
    "product_csv.link_invalid": QT_TRANSLATE_NOOP(
        "Messages", "The link “{value}” is not a web address starting with http:// or https://."
    ),
    "product_csv.images_invalid": QT_TRANSLATE_NOOP(
        "Messages", "The images must be at most {max} image ids (sha256) joined by “|”."
    ),
    # bulk work on notes: spacing rules, moves, presets
    "spacing.no_room": QT_TRANSLATE_NOOP(
        "Messages", "No room for it in these days under these rules."
    ),
    "spacing.window_empty": QT_TRANSLATE_NOOP(
        "Messages", "The posting hours end before they start."
    ),
    "spacing.max_per_day": QT_TRANSLATE_NOOP("Messages", "Allow at least one post a day."),
    "spacing.negative": QT_TRANSLATE_NOOP("Messages", "A gap cannot be negative."),
    "spacing.naive_time": QT_TRANSLATE_NOOP("Messages", "A time without a time zone."),
    "spacing.days_reversed": QT_TRANSLATE_NOOP("Messages", "The last day comes before the first."),
    "note.not_movable": QT_TRANSLATE_NOOP(
        "Messages", "Only drafts and scheduled notes move to another account (this one: {status})."
    ),
    "note.collaboration_fixed": QT_TRANSLATE_NOOP(
        "Messages", "A brand collaboration's note stays with the account the brand chose."
    ),
    "bulk.preset_not_editable": QT_TRANSLATE_NOOP(
        "Messages",
        "Presets are applied to drafts and scheduled notes only (this one: {status}).",
    ),
    "bulk.no_photos": QT_TRANSLATE_NOOP(
        "Messages", "No photos to apply a preset to (a video, or covers made from a template)."
    ),
    # planned notes from a CSV
    "planned_csv.too_large": QT_TRANSLATE_NOOP(
        "Messages", "The CSV file is larger than {max} MB. Split it into smaller files."
    ),
    "planned_csv.encoding": QT_TRANSLATE_NOOP(
        "Messages", "The CSV file is neither UTF-8 nor GB18030 text. Save it again as CSV UTF-8."
    ),
    "planned_csv.empty": QT_TRANSLATE_NOOP("Messages", "The CSV file has no header row."),
    "planned_csv.missing_column": QT_TRANSLATE_NOOP(
        "Messages",
        "The CSV file has no “{column}” column. It needs at least account (or 账号), and "
        "may have time, title, body, topics and image paths (发布时间, 标题, 正文, 话题, 图片).",
    ),
    "planned_csv.account_missing": QT_TRANSLATE_NOOP("Messages", "The account is empty."),
    "planned_csv.account_unknown": QT_TRANSLATE_NOOP(
        "Messages", "There is no account “{account}” among yours."
    ),
    "planned_csv.account_ambiguous": QT_TRANSLATE_NOOP(
        "Messages", "Several of your accounts are called “{account}”."
    ),
    "planned_csv.time_invalid": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a date and time (for example 2026-11-03 20:00)."
    ),
    "planned_csv.time_past": QT_TRANSLATE_NOOP("Messages", "{value} has passed."),
    "planned_csv.time_too_soon": QT_TRANSLATE_NOOP(
        "Messages", "{value} is too soon: the earliest time to schedule is {earliest}."
    ),
    "planned_csv.time_too_late": QT_TRANSLATE_NOOP(
        "Messages", "{value} is too far ahead: the latest time to schedule is {latest}."
    ),
    "planned_csv.text_invalid": QT_TRANSLATE_NOOP(
        "Messages", "The title or body holds a NUL character."
    ),
    "planned_csv.title_too_long": QT_TRANSLATE_NOOP(
        "Messages", "The title is {units} units wide; the platform allows {max}."
    ),
    "planned_csv.body_too_long": QT_TRANSLATE_NOOP(
        "Messages", "The body has {count} characters; the platform allows {max}."
    ),
    "planned_csv.too_many_topics": QT_TRANSLATE_NOOP(
        "Messages", "{count} topics; the platform allows {max}."
    ),
    "planned_csv.topic_too_long": QT_TRANSLATE_NOOP(
        "Messages", "The topic “{topic}” is longer than {max} characters."
    ),
    "planned_csv.too_many_images": QT_TRANSLATE_NOOP(
        "Messages", "{count} photos; a note takes at most {max}."
    ),
    "planned_csv.image_missing": QT_TRANSLATE_NOOP(
        "Messages", "The photo “{file}” is not there (paths start at the CSV file's folder)."
    ),
    "planned_csv.image_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "“{file}” is not a photo the studio can read (JPEG, PNG, WebP, HEIC)."
    ),
    "planned_csv.row_empty": QT_TRANSLATE_NOOP("Messages", "The row is empty."),
    "planned_csv.nothing_to_create": QT_TRANSLATE_NOOP(
        "Messages", "The row has no title, body or photos: there is nothing to create."
    ),
    "planned_csv.title_missing": QT_TRANSLATE_NOOP("Messages", "A note to schedule needs a title."),
    "planned_csv.no_images": QT_TRANSLATE_NOOP(
        "Messages", "A note to schedule needs at least one photo."
    ),
    "planned_csv.duplicate_row": QT_TRANSLATE_NOOP("Messages", "The same note as row {first_row}."),
    # the data center: platform exports, figures, spend, events
    "platform_export.unsupported_format": QT_TRANSLATE_NOOP(
        "Messages",
        "Only .xlsx and .csv exports can be imported, not {extension} files. "
        "Open the file in Excel or WPS and save it as .xlsx.",
    ),
    "platform_export.unreadable": QT_TRANSLATE_NOOP("Messages", "The file could not be read."),
    "platform_export.empty": QT_TRANSLATE_NOOP("Messages", "The file is empty."),
    "platform_export.too_large": QT_TRANSLATE_NOOP("Messages", "The file is larger than {max} MB."),
    "platform_export.not_xlsx": QT_TRANSLATE_NOOP(
        "Messages", "The file is not a readable Excel workbook (.xlsx)."
    ),
    "platform_export.unpacked_too_large": QT_TRANSLATE_NOOP(
        "Messages", "The workbook unpacks to more than {max} MB: it is not a note data export."
    ),
    "platform_export.encoding": QT_TRANSLATE_NOOP(
        "Messages", "The CSV file is neither UTF-8 nor GB18030 text. Save it again as CSV UTF-8."
    ),
    "platform_export.no_header": QT_TRANSLATE_NOOP(
        "Messages",
        "No table header with known columns (笔记标题, 曝光, 观看, 点赞 …) "
        "was found near the top of the file.",
    ),
    "platform_export.missing_column": QT_TRANSLATE_NOOP(
        "Messages",
        "The table has no column naming the note: it needs 笔记标题, 笔记链接 or 笔记ID.",
    ),
    "platform_export.no_metrics": QT_TRANSLATE_NOOP(
        "Messages", "The table has no data columns (曝光, 观看, 点赞, 收藏 …)."
    ),
    "platform_export.too_many_columns": QT_TRANSLATE_NOOP(
        "Messages", "The table has more than {max} columns."
    ),
    "platform_export.too_many_rows": QT_TRANSLATE_NOOP(
        "Messages", "The file has more than {max} rows. Export a shorter period."
    ),
    "platform_export.count_invalid": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” in “{column}” is not a count."
    ),
    "platform_export.count_negative": QT_TRANSLATE_NOOP(
        "Messages", "“{column}” cannot be negative ({value})."
    ),
    "platform_export.ratio_invalid": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” in “{column}” is not a percentage."
    ),
    "platform_export.ratio_negative": QT_TRANSLATE_NOOP(
        "Messages", "“{column}” cannot be negative ({value})."
    ),
    "platform_export.seconds_invalid": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” in “{column}” is not a duration."
    ),
    "platform_export.seconds_negative": QT_TRANSLATE_NOOP(
        "Messages", "“{column}” cannot be negative ({value})."
    ),
    "platform_export.date_invalid": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” in “{column}” is not a date."
    ),
    "platform_export.note_id_invalid": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” in “{column}” is not a note ID (24 characters, 0–9 and a–f)."
    ),
    "platform_export.note_id_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "The note ID “{value}” does not match the note in the link ({link})."
    ),
    "platform_export.note_duplicate": QT_TRANSLATE_NOOP(
        "Messages", "This note is already on row {first_row} of this file."
    ),
    "platform_export.row_blank": QT_TRANSLATE_NOOP("Messages", "Blank row."),
    "platform_export.row_total": QT_TRANSLATE_NOOP("Messages", "A totals row, not a note."),
    "platform_export.row_no_data": QT_TRANSLATE_NOOP("Messages", "No note data on this row."),
    "stats.bad_period": QT_TRANSLATE_NOOP(
        "Messages", "Choose a period whose end is not before its start, of at most {max_days} days."
    ),
    "stats.bad_sort": QT_TRANSLATE_NOOP("Messages", "The table cannot be sorted that way."),
    "spend.target_missing": QT_TRANSLATE_NOOP(
        "Messages", "Say which note or campaign the money was spent on."
    ),
    "spend.note_not_in_brief": QT_TRANSLATE_NOOP(
        "Messages", "That note is not part of this campaign."
    ),
    "spend.not_found": QT_TRANSLATE_NOOP("Messages", "That spend record no longer exists."),
    "stat_import.unknown_note": QT_TRANSLATE_NOOP(
        "Messages", "Row {row} was matched to a note that is not a published note of this account."
    ),
    "stat_import.as_of_future": QT_TRANSLATE_NOOP(
        "Messages", "The export's date cannot be in the future."
    ),
    "events.not_a_list": QT_TRANSLATE_NOOP("Messages", "The events must be sent as a JSON list."),
    "events.too_many": QT_TRANSLATE_NOOP("Messages", "At most {max} events can be sent at once."),
    "event.invalid": QT_TRANSLATE_NOOP("Messages", "The event's “{field}” is missing or wrong."),
    "event.note_not_published": QT_TRANSLATE_NOOP(
        "Messages", "Events are only counted for published notes."
    ),
    "event.in_future": QT_TRANSLATE_NOOP("Messages", "The event's time is in the future."),
    "event.too_old": QT_TRANSLATE_NOOP("Messages", "The event's time is before the year 2000."),
    "event.bad_value": QT_TRANSLATE_NOOP(
        "Messages", "The event's value does not fit a {kind} event."
    ),
    "event.value_not_allowed": QT_TRANSLATE_NOOP("Messages", "A {kind} event carries no value."),
    "event.completed_without_watch_time": QT_TRANSLATE_NOOP(
        "Messages", "A finished video view needs its watch time."
    ),
    # brand kits, user templates, compositions
    "brand_kit.forbidden": QT_TRANSLATE_NOOP(
        "Messages", "You may look at this brand kit but not change it (your role: {role})."
    ),
    "brand_kit.invalid": QT_TRANSLATE_NOOP(
        "Messages", "This brand kit is not valid ({field}: {reason})."
    ),
    "brand_kit.invalid.bad_color": QT_TRANSLATE_NOOP(
        "Messages", "A brand colour ({field}) is not a colour of the form #RRGGBB."
    ),
    "brand_kit.invalid.missing": QT_TRANSLATE_NOOP(
        "Messages", "A brand colour ({field}) is missing."
    ),
    "brand_kit.logo_unknown": QT_TRANSLATE_NOOP(
        "Messages", "The logo is not among your uploads. Choose the logo file again."
    ),
    "brand_kit.no_logo": QT_TRANSLATE_NOOP("Messages", "This brand kit has no logo yet."),
    "brand_kit.logo_not_png": QT_TRANSLATE_NOOP(
        "Messages",
        "The logo must be a PNG image, so that its transparent background stays transparent.",
    ),
    "brand_kit.version_conflict": QT_TRANSLATE_NOOP(
        "Messages", "This brand kit was changed somewhere else; the latest is shown now."
    ),
    "template.too_large": QT_TRANSLATE_NOOP("Messages", "This template is too large to save."),
    "template.not_found": QT_TRANSLATE_NOOP("Messages", "This template no longer exists."),
    "template.name_taken": QT_TRANSLATE_NOOP(
        "Messages", "You already have a template called “{name}”. Choose another name."
    ),
    "template.version_conflict": QT_TRANSLATE_NOOP(
        "Messages", "This template was changed somewhere else; the list shows the latest now."
    ),
    "composition.invalid": QT_TRANSLATE_NOOP(
        "Messages", "How this cover was composed could not be saved ({field}: {reason})."
    ),
    "lut.invalid": QT_TRANSLATE_NOOP("Messages", "This is not a valid .cube file (line {line})."),
    "lut.invalid.bad_row_count": QT_TRANSLATE_NOOP(
        "Messages",
        "This .cube file is incomplete: it should have {expected} colour rows but has {found}.",
    ),
    "lut.invalid.not_a_number": QT_TRANSLATE_NOOP(
        "Messages", "This .cube file has something that is not a number on line {line}."
    ),
    "lut.invalid.not_finite": QT_TRANSLATE_NOOP(
        "Messages", "This .cube file has an impossible value on line {line}."
    ),
    "lut.invalid.missing_size": QT_TRANSLATE_NOOP(
        "Messages", "This .cube file does not say its size (LUT_3D_SIZE)."
    ),
    "lut.invalid.bad_size": QT_TRANSLATE_NOOP(
        "Messages", "This .cube file has an unusable {keyword} on line {line}."
    ),
    "lut.invalid.not_a_keyword": QT_TRANSLATE_NOOP(
        "Messages", "This .cube file has an unknown line {line}."
    ),
    "lut.too_large": QT_TRANSLATE_NOOP("Messages", "This .cube file is too large."),
    "lut.not_text": QT_TRANSLATE_NOOP(
        "Messages", "This is not a .cube file: it is not plain UTF-8 text."
    ),
    "lut.not_found": QT_TRANSLATE_NOOP("Messages", "This imported look no longer exists."),
    "lut.file_missing": QT_TRANSLATE_NOOP(
        "Messages", "The stored copy of this imported look is missing on the backend."
    ),
    "media.checksum_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "A downloaded image was damaged on the way. Please try again."
    ),
    "media.file_missing": QT_TRANSLATE_NOOP(
        "Messages", "The stored copy of this image is missing on the backend."
    ),
    # text & stickers in the photo editor
    "layers.too_many": QT_TRANSLATE_NOOP(
        "Messages", "A photo holds at most {max} texts and stickers. Delete one to add another."
    ),
    # cover lab
    "cover_lab.unexpected": QT_TRANSLATE_NOOP(
        "Messages", "Something unexpected went wrong ({error}). Please try again."
    ),
    # brand kit in the app: logos and the user's own stickers
    "sticker.invalid.not_png": QT_TRANSLATE_NOOP(
        "Messages", "Stickers and logos must be PNG pictures."
    ),
    "sticker.invalid.too_large": QT_TRANSLATE_NOOP(
        "Messages", "This picture is too large to use as a sticker or logo. Make it smaller."
    ),
    "sticker.invalid.bad_aspect": QT_TRANSLATE_NOOP(
        "Messages", "This picture is too long and thin to use as a sticker or logo."
    ),
    # video: subtitles
    "subtitles.too_large": QT_TRANSLATE_NOOP(
        "Messages", "This subtitle file is too large ({size}); it may be at most {max}."
    ),
    "subtitles.encoding": QT_TRANSLATE_NOOP(
        "Messages", "This subtitle file is not readable text. Save it as UTF-8 and try again."
    ),
    "subtitles.invalid": QT_TRANSLATE_NOOP(
        "Messages", "This is not an SRT subtitle file: line {line} cannot be read."
    ),
    "subtitles.empty": QT_TRANSLATE_NOOP("Messages", "This subtitle file has no subtitles."),
    "subtitles.too_many": QT_TRANSLATE_NOOP(
        "Messages", "There are {count} subtitles; the video has room for {max}."
    ),
    # video: the gate, frames and the stream-copy trim
    "video.unsupported_format": QT_TRANSLATE_NOOP(
        "Messages", "This is not a supported video (MP4, MOV, MKV or WebM)."
    ),
    "video.corrupt": QT_TRANSLATE_NOOP("Messages", "The video is damaged and cannot be read."),
    "video.no_video": QT_TRANSLATE_NOOP(
        "Messages", "This file has no picture: it is sound only, or empty."
    ),
    "audio.unsupported_format": QT_TRANSLATE_NOOP(
        "Messages", "This is not a sound file the studio takes (MP3, M4A, AAC, WAV, FLAC, Ogg)."
    ),
    "audio.no_audio": QT_TRANSLATE_NOOP("Messages", "This file has no sound."),
    "video.zero_duration": QT_TRANSLATE_NOOP("Messages", "This video has no length."),
    "video.too_long": QT_TRANSLATE_NOOP(
        "Messages", "This video is too long ({seconds}); it may last at most {max}."
    ),
    "video.side_too_long": QT_TRANSLATE_NOOP(
        "Messages", "The video is too large ({width}×{height} pixels); no side may exceed {max}."
    ),
    "video.bad_span": QT_TRANSLATE_NOOP(
        "Messages",
        "The part from {start} s to {end} s is not inside the video (0 to {duration} s).",
    ),
    "video.output_format": QT_TRANSLATE_NOOP(
        "Messages", "A trimmed copy can be saved as {allowed}, not as {suffix}."
    ),
    "video.copy_unsupported": QT_TRANSLATE_NOOP(
        "Messages",
        "This video's {codec} stream cannot go into a .{format} file unchanged. "
        "Choose another file type.",
    ),
    "video.cancelled": QT_TRANSLATE_NOOP("Messages", "The video job was cancelled."),
    # video: the timeline
    "video.too_many_clips": QT_TRANSLATE_NOOP(
        "Messages", "The video can have at most {max} clips. Delete a clip to make room."
    ),
    # video: export
    "video.source_missing": QT_TRANSLATE_NOOP(
        "Messages", "A video this edit uses is missing. Add it again or remove its clips."
    ),
    "video.empty_timeline": QT_TRANSLATE_NOOP(
        "Messages", "There is nothing to export: the timeline has no clips left to play."
    ),
    "video.export_format": QT_TRANSLATE_NOOP(
        "Messages", "A video can be saved as {allowed}, not as {suffix}."
    ),
}

_FALLBACK = QT_TRANSLATE_NOOP("Messages", "Something went wrong ({code}).")


class _Params(dict):
    def __missing__(self, key: str) -> str:
        return "?"


_BYTE_PARAMS = frozenset({"size", "bytes", "max_bytes"})
_BYTE_CODES = frozenset(
    {"file.too_large", "media.too_large", "images.bytes.too_large", "images.bytes.large"}
    | {"video.bytes.too_large", "video.bytes.large"}
    | {"subtitles.too_large"}
)
_TIME_PARAMS = frozenset(
    {
        "earliest",
        "latest",
        "scheduled_at",
        "until",
        "apply_by",
        "publish_from",
        "publish_until",
        "expired_at",
    }
)
_DURATION_CODES = frozenset({"video.duration.long", "video.duration.too_long", "video.too_long"})
SHOWN_TIMEZONE = ZoneInfo("Asia/Shanghai")
"""Times in messages: the platform's (and the default account's) Beijing time."""


def _shown(code: str, key: str, value: Any) -> Any:
    if (key in _BYTE_PARAMS or (key == "max" and code in _BYTE_CODES)) and isinstance(value, int):
        return f"{value / (1024 * 1024):.1f} MB"
    if code in _DURATION_CODES and key in {"seconds", "max"} and isinstance(value, int | float):
        return _clock(value)
    if key == "pixels" and isinstance(value, int):
        return f"{value / 1_000_000:.0f} MP"
    if key in _TIME_PARAMS and value is None:
        return "…"
    if key in _TIME_PARAMS and isinstance(value, str):
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            return value
        return when.astimezone(SHOWN_TIMEZONE).strftime("%Y-%m-%d %H:%M")
    if key == "state" and code.startswith("collaboration.") and isinstance(value, str):
        return state_name(value) if value else value
    if key == "action" and code.startswith("collaboration.") and isinstance(value, str):
        return action_name(value)
    if key == "role" and isinstance(value, str):
        return role_name(value)
    if key == "retry_after" and isinstance(value, int):
        return max(1, math.ceil(value / 60))  # the sentence counts minutes
    if key == "index" and isinstance(value, int):
        return value + 1  # the checklist counts from 0, people from 1
    if isinstance(value, list):
        return "、".join(str(item) for item in value)
    return value


def _clock(seconds: float) -> str:
    """A length as a player shows it: 1:05, 15:00, 4:00:00."""
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _http_class(code: str) -> str:
    """`http.404` -> `http.4xx`: an answer without our error body, told apart by its class."""
    prefix, _dot, status = code.partition(".")
    if prefix == "http" and status.isdigit() and status[0] in "45":
        return f"http.{status[0]}xx"
    return ""


def _template(code: str, params: dict[str, Any]) -> str:
    """The most specific sentence: `code.reason` when the reason has its own, else `code`."""
    reason = params.get("reason")
    if isinstance(reason, str) and f"{code}.{reason}" in _MESSAGES:
        return _MESSAGES[f"{code}.{reason}"]
    return _MESSAGES.get(code) or _MESSAGES.get(_http_class(code), _FALLBACK)


def message(code: str, params: dict[str, Any] | None = None) -> str:
    """The translated sentence for `code`, with its parameters filled in."""
    values = _Params({key: _shown(code, key, value) for key, value in (params or {}).items()})
    values.setdefault("code", code)
    template = _template(code, params or {})
    return QCoreApplication.translate(_CONTEXT, template).format_map(values)


def reason_of(error: BaseException) -> str:
    """Why something failed, in the creator's words: engine and backend errors carry a code;
    anything else is named by its type, never shown as a traceback."""
    code = getattr(error, "code", None)
    if isinstance(code, str):
        return message(code, getattr(error, "params", None) or {})
    return message("unexpected", {"error": type(error).__name__})


def file_reason(error: BaseException) -> str:
    """Why a file could not be read or written: one that is unreadable is named as such, not
    by its exception's type."""
    if isinstance(error, OSError) and not hasattr(error, "code"):
        return message("file.unreadable")
    return reason_of(error)


def is_known(code: str) -> bool:
    return code in _MESSAGES or _http_class(code) in _MESSAGES
