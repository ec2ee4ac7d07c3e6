/**
 * Template rendering as GOV.UK Notify does it, with no Spring or Camel: {@link org.notifyhub.templates.Placeholders}
 * finds and checks placeholders, and {@link org.notifyhub.templates.SmsRenderer},
 * {@link org.notifyhub.templates.EmailRenderer} and {@link org.notifyhub.templates.LetterRenderer} turn a template
 * and its personalisation into what is sent. Everything else in the package is internal to those four.
 */
package org.notifyhub.templates;
