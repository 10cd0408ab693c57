package dev.pactum.notification;

/** The ways out of Pactum besides the in-app inbox, which every notification reaches. */
public enum ChannelType {
    EMAIL, DINGTALK, WECOM, FEISHU, SLACK, SMS
}
