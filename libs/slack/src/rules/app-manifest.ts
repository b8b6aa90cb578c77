/**
 * The Slack app manifest a brand admin pastes to create Standpoint's app in their workspace: the
 * brand's own request URLs, and the least the app needs — `chat:write` to post requests and update
 * them (to members as direct messages in the app's Messages tab, and to a channel it was added to),
 * `commands` for `/standpoint link`. Interactivity is on, for the buttons and the modal.
 */
export function slackAppManifest(
  urls: { interactions: string; commands: string },
  brandName: string,
) {
  return {
    display_information: {
      name: 'Standpoint',
      description: `Approval requests of ${brandName}`.slice(0, 140),
    },
    features: {
      app_home: { messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      bot_user: { display_name: 'Standpoint', always_online: false },
      slash_commands: [
        {
          command: '/standpoint',
          url: urls.commands,
          description: 'Link your Slack account to Standpoint',
          usage_hint: 'link <code> | unlink',
          should_escape: false,
        },
      ],
    },
    oauth_config: { scopes: { bot: ['chat:write', 'commands'] } },
    settings: {
      interactivity: { is_enabled: true, request_url: urls.interactions },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
}
