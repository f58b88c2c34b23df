package org.opencrm.deals.campaign;

/** Where a campaign advertises (`003_*`: the promotion channel). */
public enum Channel {
    FACEBOOK, INSTAGRAM, GOOGLE, TIKTOK, YOUTUBE, TELEGRAM, EMAIL, SMS, WEBSITE, OFFLINE, OTHER
}
