package eu.herald.browser;

import com.microsoft.playwright.Browser;

/** The two screens every page must work on: a laptop and a phone held upright. */
enum Viewport {
    DESKTOP(1280, 800, false),
    PHONE(390, 844, true);

    private final int width;
    private final int height;
    private final boolean mobile;

    Viewport(int width, int height, boolean mobile) {
        this.width = width;
        this.height = height;
        this.mobile = mobile;
    }

    boolean mobile() {
        return mobile;
    }

    Browser.NewContextOptions apply(Browser.NewContextOptions options) {
        return options.setViewportSize(width, height).setIsMobile(mobile).setHasTouch(mobile);
    }
}
