/** First run: the invite, what it names, the device name and key protection, and enrolling. */
package io.ngisec.app.enroll;
