/**
 * Delivery health: which cards arrive. Replies and returned cards, from visitors and from
 * the organisation's mailbox; per institution and per prisoner the cards sent, replies,
 * returns and silence; alerts for institutions that look blocked; and the delivery rate
 * the pool may weigh cards by.
 */
@NullMarked
package org.solidaritypost.prisoners.delivery;

import org.jspecify.annotations.NullMarked;
