/**
 * The screenshot tour ({@code NGISEC_APP_TOUR=DIR}, opt-in): once the device is online it walks
 * the main screens as a user would, with real data, and writes a PNG of the window after each
 * {@link io.ngisec.app.tour.TourStep} (app/screenshots.sh runs it under Xvfb from a real demo).
 */
package io.ngisec.app.tour;
